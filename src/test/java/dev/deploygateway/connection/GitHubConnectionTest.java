package dev.deploygateway.connection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.deploygateway.config.ConnectionsConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.sandbox.ContractProxy;
import dev.deploygateway.sandbox.github.GitHubContract;
import dev.deploygateway.store.RedisClients;
import dev.deploygateway.store.RedisServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxOptions;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.mutiny.core.Vertx;

/**
 * GitHub, the source host, through the connections API against the GitHub sandbox: a GitHub App's user authorization
 * (PKCE S256, state, expiring tokens), a pasted fine-grained token, single-flight refresh across two instances, a
 * reused rotated refresh token, and revocation on disconnect.
 */
@QuarkusTest
@WithTestResource(ContractProxy.class)
@WithTestResource(RedisServerResource.class)
class GitHubConnectionTest extends ConnectionTestSupport {

    @Inject
    CredentialBroker broker;

    @Inject
    Connectables connectables;

    @Inject
    ConnectionsConfig config;

    @BeforeEach
    void startRecording() {
        ContractProxy.clear();
    }

    @AfterEach
    void everyGitHubExchangeMatchesTheContract() {
        assertThat(GitHubContract.TRAFFIC.problems(ContractProxy.exchanges())).isEmpty();
    }

    /** The whole handshake over HTTP; answers where the browser is finally sent. */
    static String connectGitHub(String userId, String login) {
        String authorizeUrl = as(userId).queryParam("returnTo", "/app/settings")
                .get("/api/v1/platforms/github/connect").then().statusCode(302).extract().header("Location");
        assertThat(authorizeUrl).contains("/sandbox/github/login/oauth/authorize?")
                .contains("code_challenge_method=S256").contains("state=")
                .contains("%2Fapi%2Fv1%2Fplatforms%2Fgithub%2Fcallback");
        String callback = authorize(authorizeUrl + "&login=" + login);
        assertThat(callback).contains("/api/v1/platforms/github/callback?").contains("code=");
        return as(userId).urlEncodingEnabled(false).get(callback).then().statusCode(302).extract().header("Location");
    }

    static void assertGitHubAccepts(String token, String login) {
        given().header("Authorization", "Bearer " + token).get("/sandbox/github/user").then().statusCode(200)
                .body("login", equalTo(login));
    }

    @Test
    void connectsGitHubWithAGitHubAppsUserAuthorization() {
        String alice = user("alice");
        String login = "gh-" + alice.substring(alice.length() - 6);
        assertThat(connectGitHub(alice, login)).endsWith("/app/settings?connected=github");
        as(alice).get("/api/v1/platforms/github/connection").then().statusCode(200)
                .body("state", equalTo("CONNECTED")).body("method", equalTo("oauth"))
                .body("account.username", equalTo(login));
        var record = record(alice, PlatformId.GITHUB);
        assertThat(record.refresh()).isNotNull();
        // GitHub App user tokens expire after 8 hours.
        assertThat(record.accessExpiresAt()).isBetween(System.currentTimeMillis() + 7 * 3_600_000L,
                System.currentTimeMillis() + 9 * 3_600_000L);
        String access = broker.credentialFor(alice, PlatformId.GITHUB).await().atMost(WAIT).accessToken();
        assertThat(access).startsWith("ghu_");
        assertGitHubAccepts(access, login);
    }

    @Test
    void aPastedGitHubTokenConnectsOnlyIfGitHubAcceptsIt() {
        String bob = user("bob");
        String token = given().contentType(ContentType.JSON).body(Map.of("login", "gh-paste"))
                .post("/sandbox/github/_sandbox/tokens").then().statusCode(201).extract().path("token");
        as(bob).contentType("application/json").body(Map.of("token", token))
                .put("/api/v1/platforms/github/connection").then().statusCode(200)
                .body("state", equalTo("CONNECTED")).body("method", equalTo("token"))
                .body("account.username", equalTo("gh-paste"));
        as(bob).contentType("application/json").body(Map.of("token", "github_pat_not-a-token"))
                .put("/api/v1/platforms/github/connection").then().statusCode(422)
                .body("code", equalTo("PLATFORM_TOKEN_REJECTED")).body("detail", equalTo(
                        "GitHub did not accept this token."));
    }

    @Test
    void twentyConcurrentCallersAcrossTwoInstancesRefreshOnce() {
        String dave = user("dave");
        connectGitHub(dave, "gh-dave");
        var before = record(dave, PlatformId.GITHUB);
        expireAccessToken(dave, PlatformId.GITHUB);
        long refreshes = sandboxStat(PlatformId.GITHUB, "refreshRequests");
        Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(new MetricsOptions().setEnabled(false)));
        try {
            var otherStore = RedisClients.store(vertx, RedisServerResource.forQuarkus().url());
            var otherInstance = new CredentialBroker(new ConnectionStore(otherStore), tokens, connectables, config);
            List<Uni<PlatformCredential>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(broker.credentialFor(dave, PlatformId.GITHUB));
                calls.add(otherInstance.credentialFor(dave, PlatformId.GITHUB));
            }
            List<PlatformCredential> results = Uni.join().all(calls).andFailFast().await().atMost(WAIT);

            assertThat(sandboxStat(PlatformId.GITHUB, "refreshRequests") - refreshes).isEqualTo(1);
            assertThat(results).extracting(PlatformCredential::accessToken)
                    .containsOnly(results.get(0).accessToken());
            var after = record(dave, PlatformId.GITHUB);
            assertThat(after.refresh()).isNotEqualTo(before.refresh());
            assertGitHubAccepts(results.get(0).accessToken(), "gh-dave");
        } finally {
            vertx.closeAndAwait();
        }
    }

    @Test
    void aReusedRotatedRefreshTokenEndsTheGrantWithReconnectRequired() {
        String erin = user("erin");
        connectGitHub(erin, "gh-erin");
        String stale = store.get(ConnectionStore.key(erin, PlatformId.GITHUB)).await().atMost(WAIT).orElseThrow();
        expireAccessToken(erin, PlatformId.GITHUB);
        String newest = broker.credentialFor(erin, PlatformId.GITHUB).await().atMost(WAIT).accessToken();
        assertGitHubAccepts(newest, "gh-erin");

        var old = ConnectionStore.parse(stale);
        store.set(ConnectionStore.key(erin, PlatformId.GITHUB),
                ConnectionStore.write(old.withTokens(old.access(), old.refresh(), System.currentTimeMillis() - 1)),
                Optional.empty()).await().atMost(WAIT);
        long revoked = sandboxStat(PlatformId.GITHUB, "revokedGrants");

        assertThatThrownBy(() -> broker.credentialFor(erin, PlatformId.GITHUB).await().atMost(WAIT))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RECONNECT_REQUIRED));
        assertThat(sandboxStat(PlatformId.GITHUB, "revokedGrants")).isEqualTo(revoked + 1);
        given().header("Authorization", "Bearer " + newest).get("/sandbox/github/user").then().statusCode(401);
        as(erin).get("/api/v1/platforms/github/connection").then().statusCode(200)
                .body("state", equalTo("RECONNECT_REQUIRED"));
    }

    @Test
    void disconnectingRevokesTheGrantAtGitHub() {
        String frank = user("frank");
        connectGitHub(frank, "gh-frank");
        String access = broker.credentialFor(frank, PlatformId.GITHUB).await().atMost(WAIT).accessToken();
        long revoked = sandboxStat(PlatformId.GITHUB, "revokedGrants");
        as(frank).header("Origin", "http://localhost:8080").delete("/api/v1/platforms/github/connection").then()
                .statusCode(204);
        assertThat(sandboxStat(PlatformId.GITHUB, "revokedGrants")).isEqualTo(revoked + 1);
        given().header("Authorization", "Bearer " + access).get("/sandbox/github/user").then().statusCode(401);
        as(frank).get("/api/v1/platforms/github/connection").then().statusCode(404);
    }

    @Test
    void githubIsListedAsASourceHostNotAsAPlatformToDeployTo() {
        String gina = user("gina");
        as(gina).get("/api/v1/platforms").then().statusCode(200)
                .body("find { it.id == 'github' }.kind", equalTo("sourceHost"))
                .body("find { it.id == 'github' }.name", equalTo("GitHub"))
                .body("find { it.id == 'github' }.capabilities.gitPush", equalTo(true))
                .body("find { it.id == 'github' }.capabilities.oauth", equalTo(true))
                .body("find { it.id == 'github' }.capabilities.tokenConnect", equalTo(true))
                .body("find { it.id == 'github' }.capabilities.fileUpload", equalTo(false))
                .body("find { it.id == 'github' }.connection.state", equalTo("NOT_CONNECTED"))
                .body("find { it.id == 'vercel' }.kind", equalTo("platform"));
        as(gina).contentType(ContentType.JSON).body(Map.of("platform", "github", "projectName", "x", "files",
                Map.of("index.html", Map.of("content", "x")))).post("/api/v1/deployments").then().statusCode(400)
                .body("errors[0].field", equalTo("platform"));
    }
}
