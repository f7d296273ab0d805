/**
 * The hand-off from a code generator over HTTP: the deploy link's page ({@code /deploy}), the redirect check for its
 * {@code redirectUrl}, and registered sources ({@code /api/v1/sources}) a generator's server uploads ahead of the
 * user's visit (docs/api.md "Hand-off").
 */
package dev.deploygateway.api.handoff;
