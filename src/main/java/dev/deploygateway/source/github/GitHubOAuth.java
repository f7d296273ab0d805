package dev.deploygateway.source.github;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.deploygateway.config.GitHubConfig;
import dev.deploygateway.config.OAuthClientsConfig;
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
 * A GitHub App's user-to-server tokens: the web flow with {@code state} and PKCE S256, answered by an access token
 * that expires (8 h) and a refresh token that rotates: refreshing retires the used refresh token and the previous
 * access token, and presenting a retired one makes GitHub revoke the grant, so a refresh is never retried. The token
 * endpoint reports errors with HTTP 200 and an {@code error} member, which is read as the failure it is. A GitHub App
 * asks for no scopes: what the token may do is the app's permissions on the repositories the user installed it on.
 * The connection room refreshes single-flight across instances.
 */
@ApplicationScoped
class GitHubOAuth implements PlatformOAuth {

    /** The sandbox accepts any non-blank secret; a real GitHub App always has one. */
    static final String SANDBOX_SECRET = "deploy-gateway-sandbox-secret";

    private final GitHubApi api;
    private final GitHubCalls calls;
    private final GitHubConfig config;
    private final OAuthClientRegistration client;

    GitHubOAuth(@RestClient GitHubApi api, GitHubCalls calls, GitHubConfig config, OAuthClientsConfig clients,
            RuntimeProfile profile) {
        this.api = api;
        this.calls = calls;
        this.config = config;
        this.client = new OAuthClientRegistration(PlatformId.GITHUB, clients.github(), profile);
    }

    @Override
    public URI authorizationUrl(OAuthAuthorization request) {
        return request.authorizeUrl(web() + "/login/oauth/authorize", client.clientId(), Map.of());
    }

    @Override
    public Uni<PlatformTokens> exchangeCode(CodeExchange exchange) {
        var form = clientForm();
        form.add("code", exchange.code());
        form.add("redirect_uri", exchange.redirectUri().toString());
        form.add("code_verifier", exchange.codeVerifier());
        // A code is single use: never retried beyond a 429.
        return calls.once(PlatformStep.AUTH, () -> api.token(web() + "/login/oauth/access_token", form)
                .map(GitHubOAuth::tokens));
    }

    @Override
    public Uni<PlatformTokens> refresh(String refreshToken) {
        var form = clientForm();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        return calls.once(PlatformStep.AUTH, () -> api.token(web() + "/login/oauth/access_token", form)
                .map(GitHubOAuth::tokens));
    }

    /**
     * Deletes the app's grant for the user. GitHub takes an access token for that; handed the refresh token (what
     * names a grant elsewhere), it refreshes once to obtain one, then revokes everything.
     */
    @Override
    public Uni<Void> revoke(String token) {
        Uni<String> access = token.startsWith("ghr_") ? refresh(token).map(PlatformTokens::accessToken)
                : Uni.createFrom().item(token);
        String basic = "Basic " + Base64.getEncoder().encodeToString((client.clientId() + ":" + secret())
                .getBytes(StandardCharsets.UTF_8));
        return access.chain(accessToken -> calls.idempotent(PlatformStep.AUTH, () -> api.revokeGrant(basic,
                client.clientId(), new GitHubWire.GrantRevocation(accessToken)))).replaceWithVoid();
    }

    private MultivaluedMap<String, String> clientForm() {
        var form = new MultivaluedHashMap<String, String>();
        form.add("client_id", client.clientId());
        form.add("client_secret", secret());
        return form;
    }

    private String secret() {
        return client.clientSecret().orElse(SANDBOX_SECRET);
    }

    private String web() {
        return config.webUrl().toString().replaceAll("/+$", "");
    }

    private static PlatformTokens tokens(GitHubWire.TokenResponse response) {
        if (response.error() != null || response.accessToken() == null) {
            throw GitHubApiException.oauth(response.error() == null ? "invalid_response" : response.error(),
                    response.errorDescription());
        }
        Optional<Instant> expiresAt = Optional.ofNullable(response.expiresIn()).map(Instant.now()::plusSeconds);
        return new PlatformTokens(response.accessToken(), Optional.ofNullable(response.refreshToken()), expiresAt,
                List.of(), Optional.empty());
    }
}
