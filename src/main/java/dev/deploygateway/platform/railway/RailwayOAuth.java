package dev.deploygateway.platform.railway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.deploygateway.config.OAuthClientsConfig;
import dev.deploygateway.config.RailwayConfig;
import dev.deploygateway.config.RuntimeProfile;
import dev.deploygateway.platform.CodeExchange;
import dev.deploygateway.platform.OAuthAuthorization;
import dev.deploygateway.platform.OAuthClientRegistration;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformOAuth;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.PlatformTokens;
import io.smallrye.mutiny.Uni;

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

    private final RailwayApi api;
    private final RailwayCalls calls;
    private final RailwayConfig config;
    private final OAuthClientRegistration client;

    RailwayOAuth(@RestClient RailwayApi api, RailwayCalls calls, RailwayConfig config, OAuthClientsConfig clients,
            RuntimeProfile profile) {
        this.api = api;
        this.calls = calls;
        this.config = config;
        this.client = new OAuthClientRegistration(PlatformId.RAILWAY, clients.railway(), profile);
    }

    @Override
    public URI authorizationUrl(OAuthAuthorization request) {
        return request.authorizeUrl(base() + "/oauth/auth", client.clientId(), Map.of("response_type", "code",
                "scope", request.scope(config.scopes()), "prompt", "consent"));
    }

    @Override
    public Uni<PlatformTokens> exchangeCode(CodeExchange exchange) {
        var form = clientForm();
        form.add("grant_type", "authorization_code");
        form.add("code", exchange.code());
        form.add("redirect_uri", exchange.redirectUri().toString());
        form.add("code_verifier", exchange.codeVerifier());
        // A code is single use: never retried beyond a 429.
        return calls.once(PlatformStep.AUTH, () -> api.token(basicAuth(), form)).map(RailwayOAuth::tokens);
    }

    @Override
    public Uni<PlatformTokens> refresh(String refreshToken) {
        var form = clientForm();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        return calls.once(PlatformStep.AUTH, () -> api.token(basicAuth(), form)).map(RailwayOAuth::tokens);
    }

    @Override
    public Uni<Void> revoke(String token) {
        var form = clientForm();
        form.add("token", token);
        String endpoint = base() + config.revokePath();
        return calls.idempotent(PlatformStep.AUTH, () -> api.revoke(endpoint, basicAuth(), form)).replaceWithVoid();
    }

    /** A Web app authenticates with HTTP Basic; a Native app sends only its {@code client_id} (and PKCE). */
    private MultivaluedMap<String, String> clientForm() {
        var form = new MultivaluedHashMap<String, String>();
        if (client.clientSecret().isEmpty()) {
            form.add("client_id", client.clientId());
        }
        return form;
    }

    private String basicAuth() {
        return client.clientSecret().map(secret -> "Basic " + Base64.getEncoder().encodeToString(
                (OAuthAuthorization.encode(client.clientId()) + ":" + OAuthAuthorization.encode(secret))
                        .getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
    }

    private String base() {
        return config.backboardUrl().toString().replaceAll("/+$", "");
    }

    private static PlatformTokens tokens(RailwayWire.TokenResponse response) {
        Optional<Instant> expiresAt = Optional.ofNullable(response.expiresIn()).map(Instant.now()::plusSeconds);
        List<String> scopes = response.scope() == null ? List.of()
                : Arrays.stream(response.scope().split(" ")).filter(s -> !s.isBlank()).toList();
        return new PlatformTokens(response.accessToken(), Optional.ofNullable(response.refreshToken()), expiresAt,
                scopes, Optional.empty());
    }

}
