/**
 * The hand-off from a code generator: the origins its deploy links may return the user to
 * ({@link dev.deploygateway.handoff.HandoffRedirects}, {@code HANDOFF_REDIRECT_ORIGINS}), and the sources its server
 * registers ahead of the user's visit ({@link dev.deploygateway.handoff.RegisteredSources}: an uploaded project kept
 * in the shared store under the caller's key, with a TTL, behind an opaque id).
 */
package dev.deploygateway.handoff;
