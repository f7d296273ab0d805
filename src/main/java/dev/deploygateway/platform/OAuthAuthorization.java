package dev.deploygateway.platform;

import java.net.URI;
import java.util.List;

/**
 * What the {@code connection} room hands a platform to build the authorize URL: an unguessable
 * {@code state}, the PKCE S256 {@code codeChallenge} (base64url SHA-256 of the verifier it keeps), the exact
 * registered redirect URI and the scopes wanted (empty = the platform's default).
 */
public record OAuthAuthorization(String state, String codeChallenge, URI redirectUri, List<String> scopes) {

    public OAuthAuthorization {
        scopes = List.copyOf(scopes);
    }
}
