package dev.deploygateway.deployment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.connection.Connections;
import dev.deploygateway.connection.PlatformCredentials;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.Capability;
import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.Platforms;
import dev.deploygateway.platform.PreparedSource;
import dev.deploygateway.ratelimit.Quota;
import dev.deploygateway.scaffold.SourceBundle;
import dev.deploygateway.source.SourceHosts;
import io.smallrye.mutiny.Uni;

/**
 * Starting, reading, cancelling and redeploying deployments for their owner. A deployment is only created after
 * everything a client sent is valid, the platform's limits fit, the team is one of the connection's, the
 * connection is usable and the rate limiter admitted it; nothing before that point stores anything, and the
 * admission itself is atomic ({@link DeploymentAdmission}).
 */
@ApplicationScoped
public class DeploymentService {

    private final DeploymentRepository repository;
    private final DeploymentAdmission admission;
    private final DeploymentPipeline pipeline;
    private final DeploymentSecrets secrets;
    private final Platforms platforms;
    private final PlatformCredentials credentials;
    private final Connections connections;
    private final DeploymentConfig config;
    private final ProductionSwitch production;
    private final SourceHosts sourceHosts;

    DeploymentService(DeploymentRepository repository, DeploymentAdmission admission, DeploymentPipeline pipeline,
            DeploymentSecrets secrets, Platforms platforms, PlatformCredentials credentials, Connections connections,
            DeploymentConfig config, ProductionSwitch production, SourceHosts sourceHosts) {
        this.repository = repository;
        this.admission = admission;
        this.pipeline = pipeline;
        this.secrets = secrets;
        this.platforms = platforms;
        this.credentials = credentials;
        this.connections = connections;
        this.config = config;
        this.production = production;
        this.sourceHosts = sourceHosts;
    }

    /** A started (or, for a repeated idempotency key, earlier) deployment and the quota after admitting it. */
    public record Submitted(DeploymentRecord record, Optional<Quota> quota, boolean replayed) {
    }

    /**
     * A rollback or promote done: the deployment production now serves, and the production address (the
     * platform's production domain where it names one, else the deployment's own address).
     */
    public record LiveChange(DeploymentRecord record, Optional<String> liveUrl) {
    }

    /** A page of history and the cursor of the next one (empty on the last page). */
    public record HistoryPage(List<DeploymentRecord> records, Optional<String> nextCursor) {
    }

    /**
     * Validates against the platform, admits through the rate limiter, stores and starts a deployment.
     *
     * @param requestDigest a digest of the request, so an idempotency key reused for another request is refused
     */
    public Uni<Submitted> submit(String userId, DeploymentSettings settings, List<EnvVar> env, SourceBundle bundle,
            Optional<String> idempotencyKey, String requestDigest) {
        PreparedSource source = platforms.get(settings.platform()).prepareSource(bundle);
        Uni<Optional<Submitted>> earlier = idempotencyKey.isEmpty() ? Uni.createFrom().item(Optional.empty())
                : repository.binding(userId, idempotencyKey.get()).chain(bound -> bound.isEmpty()
                        ? Uni.createFrom().item(Optional.<Submitted>empty())
                        : admission.replayed(userId, bound.get(), requestDigest).map(o -> Optional.of(started(o,
                                source, env))));
        return earlier.chain(previous -> previous.isPresent() ? Uni.createFrom().item(previous.get())
                : requireTeam(userId, settings)
                        .chain(() -> credentials.credentialFor(userId, settings.platform()))
                        .chain(() -> sourceHostConnected(userId, settings.platform()))
                        .chain(() -> {
                            DeploymentRecord record = newRecord(userId, settings, env, Optional.empty());
                            return admission.admit(record, idempotencyKey, requestDigest)
                                    .map(outcome -> started(outcome, source, env));
                        }));
    }

    /**
     * A platform that builds from git needs the source host too (GitHub, for the push): without that connection the
     * request is refused (409 {@code PLATFORM_NOT_CONNECTED}, "Connect GitHub first.") before anything is stored.
     */
    private Uni<Void> sourceHostConnected(String userId, PlatformId platform) {
        if (!platforms.get(platform).capabilities().has(Capability.GIT_SOURCE)) {
            return Uni.createFrom().voidItem();
        }
        return sourceHosts.forPlatform(platform)
                .map(host -> credentials.credentialFor(userId, host.id()).replaceWithVoid())
                .orElseGet(() -> Uni.createFrom().voidItem());
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
            return credentials.credentialFor(userId, original.settings().platform()).chain(() -> {
                DeploymentRecord record = newRecord(userId, original.settings(), env, Optional.of(original.id()));
                return admission.admit(record, Optional.empty(), "").map(outcome -> {
                    var created = (DeploymentAdmission.Created) outcome;
                    pipeline.startRedeploy(created.record(), original.platformProjectId().get(),
                            original.platformDeploymentId().get(), env, created.leaseTakenAtNanos());
                    return new Submitted(created.record(), Optional.of(created.quota()), false);
                });
            });
        });
    }

    /** The platform's naming rule when {@code name} breaks it; empty when well formed. */
    public Optional<String> projectNameProblem(PlatformId platform, String name) {
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
    public Uni<HistoryPage> history(String userId, long before, int limit, Optional<String> platform,
            Optional<String> status) {
        // One more than asked: a next cursor is only given when there really is a next page.
        return repository.history(userId, before, limit + 1, new DeploymentRepository.HistoryFilter(platform, status))
                .map(found -> found.size() <= limit ? new HistoryPage(found, Optional.empty())
                        : new HistoryPage(found.subList(0, limit), Optional.of(Long.toString(
                                found.get(limit - 1).createdAt().toEpochMilli()))));
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
            Uni<Void> upstream = record.platformDeploymentId()
                    .map(pid -> credentials.credentialFor(userId, record.settings().platform())
                            .map(cred -> record.settings().teamId().map(cred::inTeam).orElse(cred))
                            .chain(cred -> platform.cancel(cred, pid)).replaceWithVoid())
                    .orElse(Uni.createFrom().voidItem());
            return repository.requestCancel(record.ref()).chain(() -> upstream)
                    .chain(() -> findOwnedOrFail(userId, id));
        });
    }

    /** Makes this earlier READY deployment the one production serves again, without a rebuild. */
    public Uni<LiveChange> rollback(String userId, String id) {
        return production.rollback(userId, id);
    }

    /** Makes this READY preview deployment the one production serves, without a rebuild. */
    public Uni<LiveChange> promote(String userId, String id) {
        return production.promote(userId, id);
    }

    private Submitted started(DeploymentAdmission.Outcome outcome, PreparedSource source, List<EnvVar> env) {
        if (outcome instanceof DeploymentAdmission.Created created) {
            pipeline.start(created.record(), source, env, created.leaseTakenAtNanos());
            return new Submitted(created.record(), Optional.of(created.quota()), false);
        }
        return new Submitted(outcome.record(), Optional.empty(), true);
    }

    /** A {@code teamId} must be one of the teams the connection can act in, checked before anything is stored. */
    private Uni<Void> requireTeam(String userId, DeploymentSettings settings) {
        if (settings.teamId().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String team = settings.teamId().get();
        return connections.get(userId, settings.platform().key()).invoke(connection -> {
            boolean known = connection.teamId().filter(team::equals).isPresent()
                    || connection.teams().stream().anyMatch(t -> t.id().equals(team));
            if (!known) {
                throw new GatewayException(ErrorCode.VALIDATION_FAILED, "teamId is not a team of your "
                        + settings.platform().key() + " connection.",
                        Map.of("errors", List.of(Map.of("field",
                                "teamId", "message", "is not a team this connection can deploy to"))),
                        Map.of(),
                        null);
            }
        }).replaceWithVoid();
    }

    private Uni<DeploymentRecord> findOwnedOrFail(String userId, String id) {
        return repository.findOwned(userId, id).map(found -> found.orElseThrow(() -> new GatewayException(
                ErrorCode.NOT_FOUND, "No deployment with this id.")));
    }

    private DeploymentRecord newRecord(String userId, DeploymentSettings settings, List<EnvVar> env,
            Optional<String> redeployOf) {
        DeploymentRef ref = new DeploymentRef(userId, DeploymentIds.next());
        Instant now = Instant.now();
        return DeploymentRecord.pending(ref, settings, now, now.plus(config.timeout()),
                secrets.seal(userId, settings.platform().key(), ref.id(), env), redeployOf);
    }
}
