package dev.deploygateway.platform;

import java.net.URI;

import io.smallrye.mutiny.Uni;

/**
 * The OAuth side of a platform, implemented only by platforms that let third parties connect an account with the
 * authorization-code flow (Vercel, Railway; later GitHub and Netlify). A platform exposes it through
 * {@link DeploymentPlatform#oauth()}; one without it (Render: API keys only) is connected by a pasted token.
 * Implementations are stateless beans: the tokens travel in the arguments and results only.
 */
public interface PlatformOAuth {

    /** The URL to send the user's browser to; carries {@code state} and the PKCE S256 challenge. */
    URI authorizationUrl(OAuthAuthorization request);

    /** Redeems the code from the redirect (with the PKCE verifier) for tokens. Never retried: a code is single use. */
    Uni<PlatformTokens> exchangeCode(CodeExchange exchange);

    /**
     * Trades a refresh token for new tokens; the returned refresh token replaces the old one. Never retried:
     * platforms rotate refresh tokens, and presenting a used one revokes the grant.
     */
    Uni<PlatformTokens> refresh(String refreshToken);

    /** Revokes a token at the platform (on disconnect); a refresh token takes its whole grant with it. */
    Uni<Void> revoke(String token);
}
