package dev.deploygateway.platform;

import java.net.URI;

/** An authorization code returned to the redirect URI, with the PKCE verifier that matches its challenge. */
public record CodeExchange(String code, String codeVerifier, URI redirectUri) {

    @Override
    public String toString() {
        return "CodeExchange[code=***, verifier=***, redirectUri=" + redirectUri + "]";
    }
}
