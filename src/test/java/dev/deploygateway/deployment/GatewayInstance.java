package dev.deploygateway.deployment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.connection.PlatformCredentials;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.events.EventLog;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.Platforms;
import dev.deploygateway.platform.PreparedSource;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.scaffold.SourceBundle;
import dev.deploygateway.store.SharedStore;
import io.smallrye.mutiny.Uni;

/**
 * One gateway instance made of the real deployment classes on a shared store: its own ownership (instance id,
 * leases), admission, pipeline and monitor. Two of them on one store behave as two instances on one Redis;
 * nothing is scheduled, so the test decides when leases are renewed and monitors sweep.
 */
final class GatewayInstance {

    final DeploymentOwnership ownership;
    final DeploymentRepository repository;
    final DeploymentAdmission admission;
    final DeploymentPipeline pipeline;
    final DeploymentMonitor monitor;
    final DeploymentConfig config;
    final Set<String> expiredUsers = ConcurrentHashMap.newKeySet();

    GatewayInstance(SharedStore store, DeploymentConfig config, DeploymentRecordCodec codec,
            DeploymentSecrets secrets, EventLog eventLog, Platforms platforms, DeploymentRateLimiter limiter) {
        this.config = config;
        this.ownership = new DeploymentOwnership(store, config);
        this.repository = new DeploymentRepository(store, codec, config, limiter);
        this.admission = new DeploymentAdmission(repository, ownership, limiter);
        this.pipeline = new DeploymentPipeline(store, repository, codec, secrets, eventLog, new Credentials(),
                platforms, limiter, ownership, config);
        this.monitor = new DeploymentMonitor(repository, ownership, pipeline, config);
    }

    /** Admits, creates and starts a deployment of one file on the fake platform, as the service would. */
    DeploymentRecord start(String userId, String projectName) {
        DeploymentRef ref = new DeploymentRef(userId, DeploymentIds.next());
        DeploymentSettings settings = new DeploymentSettings(PlatformId.FLY, projectName,
                DeploymentSettings.Target.PREVIEW, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        Instant now = Instant.now();
        DeploymentRecord record = DeploymentRecord.pending(ref, settings, now, now.plus(config.timeout()),
                Optional.empty(), Optional.empty());
        var outcome = (DeploymentAdmission.Created) admission.admit(record, Optional.empty(), "")
                .await().indefinitely();
        SourceBundle bundle = SourceBundle.of(Map.of("index.html", "<h1>fake</h1>".getBytes(StandardCharsets.UTF_8)));
        pipeline.start(outcome.record(), new PreparedSource(PlatformId.FLY, bundle), List.of(),
                outcome.leaseTakenAtNanos());
        return outcome.record();
    }

    DeploymentRecord record(DeploymentRecord original) {
        return repository.find(original.ref()).await().indefinitely().orElseThrow();
    }

    /** Credentials that always work, except for users marked expired. */
    private final class Credentials implements PlatformCredentials {
        @Override
        public Uni<PlatformCredential> credentialFor(String userId, PlatformId platform) {
            if (expiredUsers.contains(userId)) {
                return Uni.createFrom().failure(new GatewayException(ErrorCode.RECONNECT_REQUIRED,
                        "The connection must be renewed."));
            }
            return Uni.createFrom().item(PlatformCredential.of("fake-token-" + userId));
        }

        @Override
        public Uni<Void> markReconnectRequired(String userId, PlatformId platform) {
            return Uni.createFrom().voidItem();
        }
    }
}
