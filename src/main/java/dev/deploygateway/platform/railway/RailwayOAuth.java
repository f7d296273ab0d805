package dev.deploygateway.platform.railway;

import java.io.IOException;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.config.OAuthClientsConfig;
import dev.deploygateway.config.RailwayConfig;
import dev.deploygateway.config.RuntimeProfile;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.CodeExchange;
import dev.deploygateway.platform.OAuthAuthorization;
import dev.deploygateway.platform.OAuthClientRegistration;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformOAuth;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.PlatformTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * "Login with Railway" (OAuth 2.0 + OIDC, authorization code with PKCE S256). {@code prompt=consent} is always sent
 * because Railway issues refresh tokens only with {@code offline_access} <em>and</em> consent. Refresh tokens rotate
 * and reusing an old one revokes the grant, so a refresh is never retried. With a client secret the client
 * authenticates with HTTP Basic (a "Web" app); without one it is a "Native" app that sends only its id. Without a
 * configured client id the sandbox's permissive one is used where demo features are on, by runtime profile (so the
 * packaged jar with {@code QUARKUS_PROFILE=demo} connects through the sandbox); elsewhere OAuth is not configured.
 */
@ApplicationScoped
class RailwayOAuth implements PlatformOAuth {

    private final RailwayHttp http;
    private final RailwayCalls calls;
    private final RailwayConfig config;
    private final OAuthClientRegistration client;
    private final ObjectMapper json;

    RailwayOAuth(RailwayHttp http, RailwayCalls calls, RailwayConfig config, OAuthClientsConfig clients,
            RuntimeProfile profile, ObjectMapper json) {
        this.http = http;
        this.calls = calls;
        this.config = config;
        this.client = new OAuthClientRegistration(PlatformId.RAILWAY, clients.railway(), profile);
        this.json = json;
    }

    @Override
    public URI authorizationUrl(OAuthAuthorization request) {
        var params = new LinkedHashMap<String, String>();
        params.put("response_type", "code");
        params.put("client_id", client.clientId());
        params.put("redirect_uri", request.redirectUri().toString());
        params.put("scope", String.join(" ", request.scopes().isEmpty() ? config.scopes() : request.scopes()));
        params.put("state", request.state());
        params.put("code_challenge", request.codeChallenge());
        params.put("code_challenge_method", "S256");
        params.put("prompt", "consent");
        return URI.create(base() + "/oauth/auth?" + form(params));
    }

    @Override
    public Uni<PlatformTokens> exchangeCode(CodeExchange exchange) {
        var params = new LinkedHashMap<String, String>();
        params.put("grant_type", "authorization_code");
        params.put("code", exchange.code());
        params.put("redirect_uri", exchange.redirectUri().toString());
        params.put("code_verifier", exchange.codeVerifier());
        // A code is single use: never retried beyond a 429.
        return calls.once(PlatformStep.AUTH, () -> token(params)).map(RailwayOAuth::tokens);
    }

    @Override
    public Uni<PlatformTokens> refresh(String refreshToken) {
        var params = new LinkedHashMap<String, String>();
        params.put("grant_type", "refresh_token");
        params.put("refresh_token", refreshToken);
        return calls.once(PlatformStep.AUTH, () -> token(params)).map(RailwayOAuth::tokens);
    }

    @Override
    public Uni<Void> revoke(String token) {
        var params = new LinkedHashMap<String, String>();
        params.put("token", token);
        return calls.idempotent(PlatformStep.AUTH, () -> post(config.revokePath(), params).map(reply -> {
            if (reply.status() >= 300) {
                throw new RailwayApiException(reply.status(), "", "", Optional.empty());
            }
            return reply;
        })).replaceWithVoid();
    }

    private Uni<JsonNode> token(Map<String, String> params) {
        return post("/oauth/token", params).map(reply -> {
            JsonNode body;
            try {
                body = json.readTree(reply.body().getBytes());
            } catch (IOException e) {
                body = json.createObjectNode();
            }
            if (reply.status() != 200 || !body.hasNonNull("access_token")) {
                throw new RailwayApiException(reply.status(), body.path("error").asText(""),
                        body.path("error_description").asText(""), RailwayApiException.retryAfter(
                                reply.retryAfter()));
            }
            return body;
        });
    }

    private Uni<RailwayHttp.Reply> post(String path, Map<String, String> params) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Accept", "application/json");
        var body = new LinkedHashMap<>(params);
        Optional<String> secret = client.clientSecret();
        if (secret.isPresent()) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (enc(client.clientId()) + ":" + enc(secret.get())).getBytes(StandardCharsets.UTF_8)));
        } else {
            body.put("client_id", client.clientId());
        }
        return http.send(HttpMethod.POST, URI.create(base() + path), headers, Buffer.buffer(form(body)));
    }

    private String base() {
        return config.backboardUrl().toString().replaceAll("/+$", "");
    }

    private static PlatformTokens tokens(JsonNode json) {
        Optional<Instant> expiresAt = json.hasNonNull("expires_in")
                ? Optional.of(Instant.now().plusSeconds(json.get("expires_in").asLong()))
                : Optional.empty();
        List<String> scopes = List.of(json.path("scope").asText("").split(" ")).stream()
                .filter(s -> !s.isBlank()).toList();
        return new PlatformTokens(json.path("access_token").asText(),
                Optional.ofNullable(json.path("refresh_token").textValue()), expiresAt, scopes, Optional.empty());
    }

    private static String form(Map<String, String> params) {
        var out = new StringBuilder();
        params.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=').append(enc(v)));
        return out.toString();
    }

    /** Form encoding; {@code %20} rather than {@code +} so the same string also serves as a URL query. */
    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
