/**
 * The HTTP surface: REST resources and DTOs, RFC 9457 problem+json rendering of every failure a client can
 * cause, the CSRF guard for cookie-authenticated writes, strict JSON binding, and the guard that hides demo-only
 * routes outside the demo profiles. Guards below JAX-RS (security headers, CORS, URI and body limits) are in
 * {@code api.http}.
 * Resources call feature services, never a platform client directly. Nothing imports this package.
 */
package dev.deploygateway.api;
