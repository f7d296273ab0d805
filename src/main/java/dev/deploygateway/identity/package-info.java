/**
 * Who the caller is. Every {@code /api/**} route needs a verified caller: a signed JWT (RS256 only, issuer,
 * audience, expiry with 30 s skew) from {@code Authorization: Bearer} or from the HttpOnly session cookie,
 * because browsers' {@code EventSource} cannot send headers. Verification is SmallRye JWT's; this package adds
 * the {@link dev.deploygateway.identity.Caller} view of it and, outside the prod profile, the demo session
 * issuer with an ephemeral signing key.
 */
package dev.deploygateway.identity;
