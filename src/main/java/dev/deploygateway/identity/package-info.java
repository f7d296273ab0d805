/**
 * Who the caller is. Every {@code /api/**} route needs a verified caller: a signed JWT (RS256 only, issuer,
 * audience; expiry, not-before and issued-at with the same 30 s skew) from {@code Authorization: Bearer} or from
 * the HttpOnly session cookie, because browsers' {@code EventSource} cannot send headers. Verification is
 * SmallRye JWT's, plus the issued-at check it lacks ({@link dev.deploygateway.identity.IssuedAtVerifier}); this
 * package adds the {@link dev.deploygateway.identity.Caller} view of it and, with demo features on (dev, test
 * and demo profiles only), the demo session issuer with an ephemeral signing key.
 */
package dev.deploygateway.identity;
