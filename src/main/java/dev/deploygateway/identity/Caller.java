package dev.deploygateway.identity;

import java.time.Instant;

/**
 * A verified caller. {@code userId} is the token's {@code sub} claim and is the owner key for every piece of
 * user data in the gateway.
 */
public record Caller(String userId, String issuer, CredentialSource source, Instant expiresAt) {

    /** Where the verified token came from; cookie-authenticated writes need the CSRF check. */
    public enum CredentialSource {
        BEARER, COOKIE
    }
}
