package dev.deploygateway.platform.vercel;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.config.OAuthClientsConfig;
import dev.deploygateway.config.RuntimeProfile;
import dev.deploygateway.config.VercelConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.CodeExchange;
import dev.deploygateway.platform.OAuthAuthorization;
import dev.deploygateway.platform.OAuthClientRegistration;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformOAuth;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.PlatformTokens;
import io.quarkus.oidc.client.NamedOidcClient;
import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.oidc.client.Tokens;
import io.smallrye.mutiny.Uni;

/**
 * "Sign in with Vercel" (OAuth 2.0 authorization code + PKCE S256, rotating refresh tokens). Without a configured
 * client id the sandbox's permissive client id is used where demo features are on ({@link OAuthClientRegistration}).
 */
@ApplicationScoped
class VercelOAuth implements PlatformOAuth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VercelApi api;
    private final OidcClient oidc;
    private final VercelCalls calls;
    private final VercelConfig config;
    private final OAuthClientRegistration client;

    VercelOAuth(@RestClient VercelApi api, VercelCalls calls, VercelConfig config, OAuthClientsConfig clients,
            @NamedOidcClient("vercel") OidcClient oidc, RuntimeProfile profile) {
        this.api = api;
        this.oidc = oidc;
        this.calls = calls;
        this.config = config;
        this.client = new OAuthClientRegistration(PlatformId.VERCEL, clients.vercel(), profile);
    }

    @Override
    public URI authorizationUrl(OAuthAuthorization request) {
        return request.authorizeUrl(config.authorizeUrl().toString(), client.clientId(),
                Map.of("response_type", "code", "scope", request.scope(config.scopes())));
    }

    @Override
    public Uni<PlatformTokens> exchangeCode(CodeExchange exchange) {
        // Through the named quarkus-oidc-client "vercel" (grant code, client_secret_post). A code is single use and
        // the client only retries a refused connection (the request never left), so nothing is sent twice.
        return Uni.createFrom().deferred(() -> {
            client.clientId(); // fail fast in prod without VERCEL_CLIENT_ID
            return oidc.getTokens(Map.of("code", exchange.code(), "redirect_uri", exchange.redirectUri().toString(),
                    "code_verifier", exchange.codeVerifier()));
        }).map(VercelOAuth::tokens).onFailure().transform(VercelOAuth::failure);
    }

    @Override
    public Uni<PlatformTokens> refresh(String refreshToken) {
        // Refresh tokens rotate: a retried request would present an already used token and revoke the grant.
        return Uni.createFrom().deferred(() -> {
            client.clientId();
            return oidc.refreshTokens(refreshToken);
        }).map(VercelOAuth::tokens).onFailure().transform(VercelOAuth::failure);
    }

    @Override
    public Uni<Void> revoke(String token) {
        String pair = client.clientId() + ":" + client.clientSecret().orElse("");
        String basic = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        return calls.idempotent(PlatformStep.AUTH, () -> api.revoke(basic, token)).replaceWithVoid();
    }

    private static PlatformTokens tokens(Tokens tokens) {
        Optional<Instant> expiresAt = Optional.ofNullable(tokens.getAccessTokenExpiresAt()).map(Instant::ofEpochSecond);
        String scope = tokens.get("scope");
        List<String> scopes = scope == null ? List.of()
                : List.of(scope.split(" ")).stream().filter(s -> !s.isBlank()).toList();
        return new PlatformTokens(tokens.getAccessToken(), Optional.ofNullable(tokens.getRefreshToken()),
                expiresAt, scopes, Optional.ofNullable(tokens.get("team_id")));
    }

    /**
     * The OIDC client reports a non-200 token response as {@link OidcClientException} whose message is the
     * response body (Vercel's {@code {"error","error_description"}}, which never echoes our secrets). An OAuth error
     * means the code or refresh token is dead: the user must authorise again. Anything else (no body, a 5xx page,
     * the server unreachable) is the platform being unavailable.
     */
    static Throwable failure(Throwable failure) {
        if (failure instanceof PlatformException) {
            return failure;
        }
        Optional<String> error = Optional.empty();
        Optional<String> description = Optional.empty();
        if (failure instanceof OidcClientException && failure.getMessage() != null) {
            try {
                JsonNode body = JSON.readTree(failure.getMessage());
                error = Optional.ofNullable(body.path("error").textValue());
                description = Optional.ofNullable(body.path("error_description").textValue());
            } catch (Exception notJson) {
                // not an OAuth error body
            }
        }
        if (error.isPresent()) {
            return new PlatformException(ErrorCode.RECONNECT_REQUIRED, PlatformId.VERCEL, PlatformStep.AUTH, false,
                    "Vercel refused the authorization (" + error.get() + "); connect Vercel again", error,
                    description, Optional.empty(), null);
        }
        return new PlatformException(ErrorCode.PLATFORM_UNAVAILABLE, PlatformId.VERCEL, PlatformStep.AUTH, true,
                "Vercel's token endpoint could not be used", Optional.empty(), Optional.empty(), Optional.empty(),
                null);
    }
}
