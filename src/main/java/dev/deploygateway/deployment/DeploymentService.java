package dev.deploygateway.deployment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.connection.PlatformCredentials;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.Capability;
import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.Platforms;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.ratelimit.Quota;
import dev.deploygateway.scaffold.SourceBundle;
import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.StoreKeys;
import io.smallrye.mutiny.Uni;

/**
 * Starting, reading, cancelling and redeploying deployments for their owner. A deployment is only created after
 * everything a client sent is valid, the platform's limits fit, the connection is usable and the rate limiter
 * admitted it; nothing before that point stores anything.
 */
@ApplicationScoped
public class DeploymentService {

    private final DeploymentRepository repository;
    private final DeploymentPipeline pipeline;
    private final DeploymentLeases leases;
    private final DeploymentSecrets secrets;
    private final Platforms platforms;
    private final PlatformCredentials credentials;
    private final DeploymentRateLimiter limiter;
    private final SharedStore store;
    private final DeploymentConfig config;

    DeploymentService(DeploymentRepository repository, DeploymentPipeline pipeline, DeploymentLeases leases,
            DeploymentSecrets secrets, Platforms platforms, PlatformCredentials credentials,
            DeploymentRateLimiter limiter, SharedStore store, DeploymentConfig config) {
        this.repository = repository;
        this.pipeline = pipeline;
        this.leases = leases;
        this.secrets = secrets;
        this.platforms = platforms;
        this.credentials = credentials;
        this.limiter = limiter;
        this.store = store;
        this.config = config;
    }

    /** A started (or, for a repeated idempotency key, earlier) deployment and the quota after admitting it. */
    public record Submitted(DeploymentRecord record, Optional<Quota> quota, boolean replayed) {
    }

    /**
     * Validates against the platform, admits through the rate limiter, stores and starts a deployment.
     *
     * @param requestDigest a digest of the request, so an idempotency key reused for another request is refused
     */
    public Uni<Submitted> submit(String userId, DeploymentSettings settings, List<EnvVar> env, SourceBundle bundle,
            Optional<String> idempotencyKey, String requestDigest) {
        DeploymentPlatform platform = platforms.get(settings.platform());
        platform.prepareSource(bundle);
        return replayed(userId, idempotencyKey, requestDigest).chain(previous -> {
            if (previous.isPresent()) {
                return Uni.createFrom().item(new Submitted(previous.get(), Optional.empty(), true));
            }
            String id = DeploymentIds.next();
            return credentials.credentialFor(userId, settings.platform())
                    .chain(() -> limiter.admitOrFail(userId, id))
                    .chain(quota -> remember(userId, idempotencyKey, id, requestDigest).chain(winner -> {
                        if (!winner.equals(id)) {
                            // A concurrent retry with the same key won: hand back its deployment, free our slot.
                            return limiter.refund(userId, id).chain(() -> findOwnedOrFail(userId, winner))
                                    .map(r -> new Submitted(r, Optional.empty(), true));
                        }
                        DeploymentRecord record = newRecord(id, userId, settings, env, Optional.empty());
                        return repository.create(record)
                                .chain(() -> leases.claim(id))
                                .invoke(() -> pipeline.start(record, bundle, env))
                                .map(ignored -> new Submitted(record, Optional.of(quota), false));
                    }));
        });
    }

    /** A new, rate-limited deployment of the same source (the platform's copy) and settings. */
    public Uni<Submitted> redeploy(String userId, String id) {
        return findOwnedOrFail(userId, id).chain(original -> {
            if (original.platformDeploymentId().isEmpty() || original.platformProjectId().isEmpty()) {
                throw new GatewayException(ErrorCode.CONFLICT,
                        "This deployment never reached the platform, so there is nothing to redeploy.");
            }
            DeploymentPlatform platform = platforms.get(original.settings().platform());
            if (!platform.capabilities().has(Capability.REDEPLOY)) {
                throw new GatewayException(ErrorCode.UNSUPPORTED_BY_PLATFORM,
                        platform.id().key() + " does not support redeploying through its API.");
            }
            List<EnvVar> env = secrets.open(userId, original.platformKey(), original.id(), original.envCipher());
            String newId = DeploymentIds.next();
            return credentials.credentialFor(userId, original.settings().platform())
                    .chain(() -> limiter.admitOrFail(userId, newId))
                    .chain(quota -> {
                        DeploymentRecord record = newRecord(newId, userId, original.settings(), env,
                                Optional.of(original.id()));
                        return repository.create(record)
                                .chain(() -> leases.claim(newId))
                                .invoke(() -> pipeline.startRedeploy(record, original.platformProjectId().get(),
                                        original.platformDeploymentId().get(), env))
                                .map(ignored -> new Submitted(record, Optional.of(quota), false));
                    });
        });
    }

    /** The platform's naming rule when {@code name} breaks it; empty when well formed. */
    public Optional<String> projectNameProblem(dev.deploygateway.platform.PlatformId platform, String name) {
        return platforms.get(platform).projectNameProblem(name);
    }

    /** The env values of a deployment, for its owner's view (masked there when sensitive). */
    public List<EnvVar> env(DeploymentRecord record) {
        return secrets.open(record.userId(), record.platformKey(), record.id(), record.envCipher());
    }

    public Uni<DeploymentRecord> get(String userId, String id) {
        return findOwnedOrFail(userId, id);
    }

    /** Newest first; {@code before} is the cursor (creation millis of the last item seen). */
    public Uni<List<DeploymentRecord>> history(String userId, long before, int limit, Optional<String> platform,
            Optional<String> status) {
        return repository.history(userId, before, limit, new DeploymentRepository.HistoryFilter(platform, status));
    }

    /**
     * Asks for a running deployment to stop. The owner instance sees the request before uploading, and the
     * platform's CANCELED state after; here we ask the platform directly when the deployment already exists there.
     */
    public Uni<DeploymentRecord> cancel(String userId, String id) {
        return findOwnedOrFail(userId, id).chain(record -> {
            if (record.terminal()) {
                throw new GatewayException(ErrorCode.CONFLICT, "The deployment already ended as "
                        + record.status() + ".");
            }
            DeploymentPlatform platform = platforms.get(record.settings().platform());
            if (record.platformDeploymentId().isPresent() && !platform.capabilities().has(Capability.CANCEL)) {
                throw new GatewayException(ErrorCode.UNSUPPORTED_BY_PLATFORM,
                        platform.id().key() + " does not support cancelling a deployment through its API.");
            }
            Uni<Void> flag = repository.update(id, Map.of("cancelRequested", "true"));
            Uni<Void> upstream = record.platformDeploymentId()
                    .map(pid -> credentials.credentialFor(userId, record.settings().platform())
                            .map(cred -> record.settings().teamId().map(cred::inTeam).orElse(cred))
                            .chain(cred -> platform.cancel(cred, pid)).replaceWithVoid())
                    .orElse(Uni.createFrom().voidItem());
            return flag.chain(() -> upstream).chain(() -> findOwnedOrFail(userId, id));
        });
    }

    private Uni<DeploymentRecord> findOwnedOrFail(String userId, String id) {
        return repository.findOwned(userId, id).map(found -> found.orElseThrow(() -> new GatewayException(
                ErrorCode.NOT_FOUND, "No deployment with this id.")));
    }

    private DeploymentRecord newRecord(String id, String userId, DeploymentSettings settings, List<EnvVar> env,
            Optional<String> redeployOf) {
        Instant now = Instant.now();
        return new DeploymentRecord(id, userId, settings, PlatformState.PENDING, Optional.of("queued"),
                Optional.empty(), Optional.empty(), Optional.empty(), now, now, Optional.empty(),
                now.plus(config.timeout()), Optional.empty(),
                secrets.seal(userId, settings.platform().key(), id, env), false, redeployOf, Optional.empty(),
                Optional.empty());
    }

    private static String idempotencyKey(String userId, String key) {
        return StoreKeys.user(userId, "idempotency:" + key);
    }

    private Uni<Optional<DeploymentRecord>> replayed(String userId, Optional<String> key, String digest) {
        if (key.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return store.get(idempotencyKey(userId, key.get())).chain(stored -> {
            if (stored.isEmpty()) {
                return Uni.createFrom().item(Optional.<DeploymentRecord>empty());
            }
            String[] parts = stored.get().split("\\|", 2);
            if (parts.length != 2 || !parts[1].equals(digest)) {
                throw new GatewayException(ErrorCode.CONFLICT,
                        "This Idempotency-Key was already used for a different request.");
            }
            return repository.findOwned(userId, parts[0]);
        });
    }

    /** Binds the idempotency key to {@code id}; returns the id that holds the key (ours, or a concurrent one). */
    private Uni<String> remember(String userId, Optional<String> key, String id, String digest) {
        if (key.isEmpty()) {
            return Uni.createFrom().item(id);
        }
        String storeKey = idempotencyKey(userId, key.get());
        return store.setIfAbsent(storeKey, id + "|" + digest, config.idempotencyTtl()).chain(won -> won
                ? Uni.createFrom().item(id)
                : store.get(storeKey).map(v -> v.map(s -> s.split("\\|", 2)[0]).orElse(id)));
    }
}
