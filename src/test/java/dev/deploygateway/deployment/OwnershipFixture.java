package dev.deploygateway.deployment;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.config.TestDeploymentConfig;
import dev.deploygateway.events.DeploymentEvent;
import dev.deploygateway.events.EventKind;
import dev.deploygateway.events.EventLog;
import dev.deploygateway.events.StreamIds;
import dev.deploygateway.platform.Platforms;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.store.SharedStore;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * What ownership tests share: the app's beans (store, codec, secrets, event log, platforms with the fake, the
 * limiter) wired into hand-made {@link GatewayInstance}s, and reads of a deployment's event log.
 */
abstract class OwnershipFixture {

    static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * The fake platform on, the app's own monitor off (the test sweeps by hand). A long interval alone is not
     * enough: the scheduler runs an {@code every} job once right after start, and that first sweep adopted a lease
     * a test had just let lapse. The app's own lease renewal holds nothing here, so the whole scheduler is off.
     */
    public static class FakePlatformProfile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FakePlatform.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.deployment.sweep-interval", "1000h", "quarkus.scheduler.enabled", "false");
        }
    }

    @Inject
    SharedStore store;
    @Inject
    DeploymentRecordCodec codec;
    @Inject
    DeploymentSecrets secrets;
    @Inject
    EventLog eventLog;
    @Inject
    Platforms platforms;
    @Inject
    DeploymentRateLimiter limiter;
    @Inject
    FakePlatform fake;
    @Inject
    ObjectMapper json;

    GatewayInstance instance(DeploymentConfig config) {
        return new GatewayInstance(store, config, codec, secrets, eventLog, platforms, limiter);
    }

    GatewayInstance instance() {
        return instance(TestDeploymentConfig.defaults());
    }

    FakePlatform.Build awaitBuild(DeploymentRecord record) {
        return await().atMost(WAIT).ignoreExceptions().until(() -> fake.build(record.id()), b -> b != null);
    }

    List<DeploymentEvent> events(DeploymentRecord record) {
        return eventLog.readAfter(record.userId(), record.id(), StreamIds.BEGINNING, 10_000).await().atMost(WAIT);
    }

    List<String> logTexts(DeploymentRecord record) {
        return events(record).stream().filter(e -> e.kind() == EventKind.LOG).map(e -> field(e, "text")).toList();
    }

    void awaitLogLines(DeploymentRecord record, int count) {
        await().atMost(WAIT).ignoreExceptions().until(() -> logTexts(record).size() >= count);
    }

    /** Waits for the end event and returns the whole log. */
    List<DeploymentEvent> awaitEnd(DeploymentRecord record) {
        await().atMost(WAIT).ignoreExceptions().until(() -> events(record).stream().anyMatch(DeploymentEvent::isEnd));
        return events(record);
    }

    /** The lease runs out, as it does when its holder stops renewing (crashed, paused, cut off). */
    void lapse(DeploymentRecord record) {
        store.delete(record.ref().leaseKey()).await().atMost(WAIT);
    }

    String field(DeploymentEvent event, String name) {
        try {
            return json.readTree(event.data()).path(name).asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
