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

import org.junit.jupiter.api.Test;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.railway.RailwayRecordingProxy;
import dev.deploygateway.store.RedisServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * Railway through the connections API against the Railway sandbox: connect by pasted token and by OAuth (PKCE,
 * consent-gated refresh token), single-flight refresh of an expired access token, and a reused rotated refresh token
 * revoking the grant so the connection needs a reconnect.
 */
@QuarkusTest
@WithTestResource(RailwayRecordingProxy.class)
@WithTestResource(RedisServerResource.class)
class RailwayConnectionTest extends ConnectionTestSupport {

    @Inject
    CredentialBroker broker;

    /** The whole OAuth handshake over HTTP for Railway; answers where the browser is finally sent. */
    static String connectRailway(String userId, String railwayUser) {
        String authorizeUrl = as(userId).queryParam("returnTo", "/app/settings")
                .get("/api/v1/platforms/railway/connect").then().statusCode(302).extract().header("Location");
        assertThat(authorizeUrl).contains("/sandbox/railway/oauth/auth?").contains("prompt=consent")
                .contains("code_challenge_method=S256").contains("offline_access");
        String callback = authorize(authorizeUrl + "&login_hint=" + railwayUser);
        assertThat(callback).contains("/api/v1/platforms/railway/callback?");
        return as(userId).urlEncodingEnabled(false).get(callback).then().statusCode(302).extract().header("Location");
    }

    static void assertRailwayAccepts(String token, String username) {
        given().header("Authorization", "Bearer " + token).get("/sandbox/railway/oauth/me").then().statusCode(200)
                .body("name", equalTo(username));
    }

    @Test
    void aPastedRailwayTokenConnectsOnlyIfRailwayAcceptsIt() {
        String bob = user("bob");
        String token = mint(PlatformId.RAILWAY, "rw-paste");
        as(bob).contentType("application/json").body(Map.of("token", token))
                .put("/api/v1/platforms/railway/connection").then().statusCode(200)
                .body("state", equalTo("CONNECTED")).body("method", equalTo("token"))
                .body("account.username", equalTo("rw-paste"));
        assertThat(broker.credentialFor(bob, PlatformId.RAILWAY).await().atMost(WAIT).accessToken()).isEqualTo(token);
        as(bob).contentType("application/json").body(Map.of("token", "not-a-railway-token"))
                .put("/api/v1/platforms/railway/connection").then().statusCode(422);
    }

    @Test
    void connectsRailwayByOAuthWithARefreshToken() {
        String carol = user("carol");
        assertThat(connectRailway(carol, "rw-carol")).endsWith("/app/settings?connected=railway");
        as(carol).get("/api/v1/platforms/railway/connection").then().statusCode(200)
                .body("state", equalTo("CONNECTED")).body("method", equalTo("oauth"))
                .body("account.username", equalTo("rw-carol"));
        var record = record(carol, PlatformId.RAILWAY);
        assertThat(record.refresh()).isNotNull();
        assertThat(record.accessExpiresAt()).isGreaterThan(System.currentTimeMillis() + 3_000_000);
        String access = broker.credentialFor(carol, PlatformId.RAILWAY).await().atMost(WAIT).accessToken();
        assertRailwayAccepts(access, "rw-carol");
    }

    @Test
    void twentyConcurrentLookupsWithAnExpiredAccessTokenRefreshOnce() {
        String dave = user("dave");
        connectRailway(dave, "rw-dave");
        var before = record(dave, PlatformId.RAILWAY);
        expireAccessToken(dave, PlatformId.RAILWAY);
        long refreshes = sandboxStat(PlatformId.RAILWAY, "refreshRequests");

        List<Uni<PlatformCredential>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(broker.credentialFor(dave, PlatformId.RAILWAY));
        }
        List<PlatformCredential> results = Uni.join().all(calls).andFailFast().await().atMost(WAIT);

        assertThat(sandboxStat(PlatformId.RAILWAY, "refreshRequests") - refreshes).isEqualTo(1);
        assertThat(results).extracting(PlatformCredential::accessToken).containsOnly(results.get(0).accessToken());
        var after = record(dave, PlatformId.RAILWAY);
        assertThat(after.refresh()).isNotEqualTo(before.refresh());
        assertThat(after.accessExpiresAt()).isGreaterThan(System.currentTimeMillis() + 60_000);
        assertRailwayAccepts(results.get(0).accessToken(), "rw-dave");
    }

    @Test
    void aReusedRotatedRefreshTokenEndsTheGrantWithReconnectRequired() {
        String erin = user("erin");
        connectRailway(erin, "rw-erin");
        String stale = rawRecord(erin, PlatformId.RAILWAY).orElseThrow();
        expireAccessToken(erin, PlatformId.RAILWAY);
        String newest = broker.credentialFor(erin, PlatformId.RAILWAY).await().atMost(WAIT).accessToken();
        assertRailwayAccepts(newest, "rw-erin");

        // A lost write puts back the record holding the already rotated refresh token.
        var old = ConnectionStore.parse(stale);
        store.set(ConnectionStore.key(erin, PlatformId.RAILWAY),
                ConnectionStore.write(old.withTokens(old.access(), old.refresh(), System.currentTimeMillis() - 1)),
                Optional.empty()).await().atMost(WAIT);
        long revoked = sandboxStat(PlatformId.RAILWAY, "revokedGrants");

        assertThatThrownBy(() -> broker.credentialFor(erin, PlatformId.RAILWAY).await().atMost(WAIT))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RECONNECT_REQUIRED));
        assertThat(sandboxStat(PlatformId.RAILWAY, "revokedGrants")).isEqualTo(revoked + 1);
        given().header("Authorization", "Bearer " + newest).get("/sandbox/railway/oauth/me").then().statusCode(401);
        as(erin).get("/api/v1/platforms/railway/connection").then().statusCode(200)
                .body("state", equalTo("RECONNECT_REQUIRED"));
    }
}
