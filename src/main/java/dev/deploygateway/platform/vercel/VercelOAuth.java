package dev.deploygateway.platform.vercel;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.deploygateway.config.OAuthClientsConfig;
import dev.deploygateway.config.VercelConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.CodeExchange;
import dev.deploygateway.platform.OAuthAuthorization;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.PlatformTokens;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.mutiny.Uni;

/**
 * "Sign in with Vercel" (OAuth 2.0 authorization code + PKCE S256, rotating refresh tokens). Without a configured
 * client id the sandbox's permissive client id is used outside prod; in prod that is a configuration error.
 */
@ApplicationScoped
class VercelOAuth {

    static final String SANDBOX_CLIENT_ID = "deploy-gateway-sandbox";

    private final VercelApi api;
    private final VercelCalls calls;
    private final VercelConfig config;
    private final OAuthClientsConfig.OAuthClient client;

    VercelOAuth(@RestClient VercelApi api, VercelCalls calls, VercelConfig config, OAuthClientsConfig clients) {
        this.api = api;
        this.calls = calls;
        this.config = config;
        this.client = clients.vercel();
    }

    URI authorizationUrl(OAuthAuthorization request) {
        var params = new LinkedHashMap<String, String>();
        params.put("client_id", clientId());
        params.put("redirect_uri", request.redirectUri().toString());
        params.put("response_type", "code");
        params.put("scope", String.join(" ", request.scopes().isEmpty() ? config.scopes() : request.scopes()));
        params.put("state", request.state());
        params.put("code_challenge", request.codeChallenge());
        params.put("code_challenge_method", "S256");
        var query = new StringBuilder();
        params.forEach((k, v) -> query.append(query.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
        String base = config.authorizeUrl().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + query);
    }

    Uni<PlatformTokens> exchange(CodeExchange exchange) {
        // A code is single use: never retried beyond a 429.
        return calls.once(PlatformStep.AUTH, () -> api.token("authorization_code", exchange.code(),
                exchange.redirectUri().toString(), exchange.codeVerifier(), null, clientId(), secret()))
                .map(VercelOAuth::tokens);
    }

    Uni<PlatformTokens> refresh(String refreshToken) {
        // Refresh tokens rotate: a retried request would present an already used token and revoke the grant.
        return calls.once(PlatformStep.AUTH, () -> api.token("refresh_token", null, null, null, refreshToken,
                clientId(), secret())).map(VercelOAuth::tokens);
    }

    Uni<Void> revoke(String token) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((clientId() + ":" + secret())
                .getBytes(StandardCharsets.UTF_8));
        return calls.idempotent(PlatformStep.AUTH, () -> api.revoke(basic, token)).replaceWithVoid();
    }

    private String clientId() {
        return client.clientId().filter(id -> !id.isBlank()).orElseGet(() -> {
            if (LaunchMode.current() == LaunchMode.NORMAL) {
                throw PlatformException.of(ErrorCode.PLATFORM_UNAVAILABLE, PlatformId.VERCEL, PlatformStep.AUTH,
                        false, "Vercel OAuth is not configured (VERCEL_CLIENT_ID)");
            }
            return SANDBOX_CLIENT_ID;
        });
    }

    private String secret() {
        return client.clientSecret().orElse("");
    }

    private static PlatformTokens tokens(JsonNode json) {
        Optional<Instant> expiresAt = json.hasNonNull("expires_in")
                ? Optional.of(Instant.now().plusSeconds(json.get("expires_in").asLong()))
                : Optional.empty();
        List<String> scopes = List.of(json.path("scope").asText("").split(" ")).stream()
                .filter(s -> !s.isBlank()).toList();
        return new PlatformTokens(json.path("access_token").asText(),
                Optional.ofNullable(json.path("refresh_token").textValue()), expiresAt, scopes,
                Optional.ofNullable(json.path("team_id").textValue()));
    }

}
