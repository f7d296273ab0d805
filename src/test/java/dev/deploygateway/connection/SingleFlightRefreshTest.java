package dev.deploygateway.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.deploygateway.config.ConnectionsConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.vercel.VercelRecordingProxy;
import dev.deploygateway.store.RedisClients;
import dev.deploygateway.store.RedisServerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxOptions;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.mutiny.core.Vertx;

/** Refresh is single-flight per (user, platform), in one instance and across two with independent Redis clients. */
@QuarkusTest
@WithTestResource(VercelRecordingProxy.class)
@WithTestResource(RedisServerResource.class)
class SingleFlightRefreshTest extends ConnectionTestSupport {

    @Inject
    CredentialBroker broker;

    @Inject
    Connectables platforms;

    @Inject
    ConnectionsConfig config;

    @Test
    void twentyConcurrentCallersWithAnExpiredTokenCauseExactlyOneRefresh() {
        String alice = user("alice");
        connectWithOAuth(alice);
        var before = record(alice);
        expireAccessToken(alice);
        long refreshes = sandboxStat("oauthRefreshes");

        List<Uni<PlatformCredential>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(broker.credentialFor(alice, PlatformId.VERCEL));
        }
        List<PlatformCredential> results = Uni.join().all(calls).andFailFast().await().atMost(WAIT);

        assertThat(sandboxStat("oauthRefreshes") - refreshes).isEqualTo(1);
        assertThat(results).extracting(PlatformCredential::accessToken).containsOnly(results.get(0).accessToken());
        var after = record(alice);
        assertThat(after.refresh()).isNotEqualTo(before.refresh());
        assertThat(after.accessExpiresAt()).isGreaterThan(System.currentTimeMillis() + 60_000);
        // The handed-out token is the stored one, and the platform accepts it.
        assertThat(plaintext(alice, ConnectionTokens.ACCESS, after.access())).isEqualTo(results.get(0).accessToken());
        assertSandboxAccepts(results.get(0).accessToken(), "demo");
    }

    @Test
    void twoInstancesWithTheirOwnStoreClientsRefreshOnce() {
        String alice = user("alice");
        connectWithOAuth(alice);
        expireAccessToken(alice);
        long refreshes = sandboxStat("oauthRefreshes");
        Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(new MetricsOptions().setEnabled(false)));
        try {
            var otherStore = RedisClients.store(vertx, RedisServerResource.forQuarkus().url());
            var otherInstance = new CredentialBroker(new ConnectionStore(otherStore), tokens, platforms, config);
            List<Uni<PlatformCredential>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(broker.credentialFor(alice, PlatformId.VERCEL));
                calls.add(otherInstance.credentialFor(alice, PlatformId.VERCEL));
            }
            List<PlatformCredential> results = Uni.join().all(calls).andFailFast().await().atMost(WAIT);
            assertThat(sandboxStat("oauthRefreshes") - refreshes).isEqualTo(1);
            assertThat(results).extracting(PlatformCredential::accessToken)
                    .containsOnly(results.get(0).accessToken());
        } finally {
            vertx.closeAndAwait();
        }
    }

    @Test
    void aReusedRotatedRefreshTokenEndsTheGrantWithReconnectRequired() {
        String alice = user("alice");
        connectWithOAuth(alice);
        String stale = rawRecord(alice).orElseThrow();
        expireAccessToken(alice);
        String newest = broker.credentialFor(alice, PlatformId.VERCEL).await().atMost(WAIT).accessToken();

        // Put back the record holding the already rotated refresh token, expired, as a lost write would.
        var old = ConnectionStore.parse(stale);
        store.set(ConnectionStore.key(alice, PlatformId.VERCEL),
                ConnectionStore.write(old.withTokens(old.access(), old.refresh(), System.currentTimeMillis() - 1)),
                Optional.empty()).await().atMost(WAIT);

        assertThatThrownBy(() -> broker.credentialFor(alice, PlatformId.VERCEL).await().atMost(WAIT))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RECONNECT_REQUIRED));
        assertSandboxRefuses(newest); // the sandbox revoked the whole grant on reuse
        assertThat(record(alice).state()).isEqualTo(ConnectionState.RECONNECT_REQUIRED);
        as(alice).get("/api/v1/platforms").then().statusCode(200)
                .body("[0].connection.state", equalTo("RECONNECT_REQUIRED"));
        // Deployments get 409 RECONNECT_REQUIRED from then on.
        assertThatThrownBy(() -> broker.credentialFor(alice, PlatformId.VERCEL).await().atMost(WAIT))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void pastedTokensWithoutExpiryAreUsedAsTheyAre() {
        String bob = user("bob");
        String token = mint("paste-user");
        as(bob).contentType("application/json").body("{\"token\":\"" + token + "\"}")
                .put("/api/v1/platforms/vercel/connection").then().statusCode(200);
        long refreshes = sandboxStat("oauthRefreshes");
        assertThat(broker.credentialFor(bob, PlatformId.VERCEL).await().atMost(WAIT).accessToken()).isEqualTo(token);
        assertThat(sandboxStat("oauthRefreshes")).isEqualTo(refreshes);
        assertThatThrownBy(() -> broker.credentialFor(user("nobody"), PlatformId.VERCEL).await().atMost(WAIT))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_NOT_CONNECTED));
    }
}
