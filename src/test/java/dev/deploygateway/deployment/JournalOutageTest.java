package dev.deploygateway.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.deploygateway.events.DeploymentEvent;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.store.RedisClients;
import dev.deploygateway.store.RedisServerResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.core.Vertx;

/**
 * The journal never loses an event: Redis stops answering for two seconds in the middle of a build (every
 * write times out meanwhile, and the breaker opens), and the deployment's log still ends up equal to the
 * platform's, in order, each line once.
 */
@QuarkusTest
@TestProfile(OwnershipFixture.FakePlatformProfile.class)
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class JournalOutageTest extends OwnershipFixture {

    @Test
    void aTwoSecondRedisPauseMidBuildKeepsTheLogExactlyAsBuilt() {
        fake.reset();
        GatewayInstance gateway = instance();
        String user = "paused-" + UUID.randomUUID().toString().substring(0, 8);
        DeploymentRecord r = gateway.start(user, "paused");
        FakePlatform.Build build = awaitBuild(r);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add("line " + i);
            build.line("line " + i, t.plusMillis(i));
        }
        awaitLogLines(r, 5);

        Vertx vertx = Vertx.vertx();
        try {
            RedisClients.dataSource(vertx, RedisServerResource.forQuarkus().url())
                    .execute("CLIENT", "PAUSE", "2000", "ALL").await().atMost(WAIT);
            for (int i = 5; i < 40; i++) {
                expected.add("line " + i);
                build.line("line " + i, t.plusMillis(i));
            }
            build.finish(PlatformState.READY);
            List<DeploymentEvent> events = awaitEnd(r);

            assertThat(logTexts(r)).containsExactlyElementsOf(expected);
            assertThat(events.get(events.size() - 1).isEnd()).isTrue();
            assertThat(gateway.record(r).status()).isEqualTo(PlatformState.READY);
        } finally {
            vertx.closeAndAwait();
        }
    }

}
