package dev.deploygateway.connection;

/**
 * A started OAuth handshake, stored server-side under the caller's key and the {@code state} value, for
 * {@code gateway.connections.state-ttl}. The PKCE verifier is stored encrypted (context "oauth-pkce", user,
 * platform, state). {@code issuer} and {@code redirectUri} are what the callback must match (RFC 9700 mix-up
 * defence: the response must arrive on the redirect URI of the platform the request went to).
 */
record PendingAuthorization(String userId, String platform, String issuer, String redirectUri, String returnTo,
        String verifier, long createdAt) {

    @Override
    public String toString() {
        return "PendingAuthorization[user=" + userId + ", platform=" + platform + ", verifier=***]";
    }
}
