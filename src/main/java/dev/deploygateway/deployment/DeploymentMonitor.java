package dev.deploygateway.deployment;

import static io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.store.ScoredMember;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Keeps every running deployment owned by exactly one instance. Every {@code sweepInterval} each instance looks
 * at the cluster-wide set of running deployments and claims those whose lease lapsed (their instance stopped or
 * was cut off), then resumes them from the platform's state; never one its own instance is running. A claim
 * raises the deployment's generation, which fences the previous owner's writes. Entries of ended deployments,
 * and of creations that never happened (the set is written just before the creation script), are removed.
 */
@ApplicationScoped
public class DeploymentMonitor {

    private static final Logger LOG = Logger.getLogger(DeploymentMonitor.class);
    private static final int SWEEP_BATCH = 200;
    /** How long an entry may wait for its creation before it counts as one that never happened. */
    private static final Duration CREATION_GRACE = Duration.ofMinutes(1);

    private final DeploymentRepository repository;
    private final DeploymentOwnership ownership;
    private final DeploymentPipeline pipeline;
    private final DeploymentConfig config;

    DeploymentMonitor(DeploymentRepository repository, DeploymentOwnership ownership, DeploymentPipeline pipeline,
            DeploymentConfig config) {
        this.repository = repository;
        this.ownership = ownership;
        this.pipeline = pipeline;
        this.config = config;
    }

    @Scheduled(every = "${gateway.deployment.sweep-interval}", concurrentExecution = SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweep() {
        return sweepNow().replaceWithVoid().onFailure().invoke(e -> LOG.debugf("monitor sweep skipped: %s", e))
                .onFailure().recoverWithNull();
    }

    /** One sweep; how many deployments this instance took over. */
    Uni<Integer> sweepNow() {
        return repository.active(SWEEP_BATCH).chain(entries -> Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(entry -> visit(entry).onFailure().recoverWithItem(false))
                .filter(Boolean::booleanValue)
                .collect().asList().map(adopted -> adopted.size()));
    }

    private Uni<Boolean> visit(ScoredMember entry) {
        Optional<DeploymentRef> parsed = DeploymentRef.fromActiveMember(entry.member());
        if (parsed.isEmpty()) {
            LOG.warnf("dropping a malformed entry from the active set");
            return repository.removeActive(entry.member()).replaceWith(false);
        }
        DeploymentRef ref = parsed.get();
        if (ownership.runsHere(ref.id())) {
            return Uni.createFrom().item(false);
        }
        return ownership.claim(ref).chain(claim -> switch (claim.outcome()) {
            case OwnershipScripts.CLAIMED -> adopt(ref, claim);
            case OwnershipScripts.ENDED -> repository.deactivate(ref).replaceWith(false);
            case OwnershipScripts.MISSING -> neverCreated(entry)
                    ? repository.deactivate(ref).replaceWith(false)
                    : Uni.createFrom().item(false);
            default -> Uni.createFrom().item(false);
        });
    }

    private Uni<Boolean> adopt(DeploymentRef ref, DeploymentOwnership.Claim claim) {
        long generation = claim.generation().orElseThrow();
        return repository.find(ref).map(found -> {
            if (found.isEmpty()) {
                return false;
            }
            LOG.infof("taking over deployment %s (generation %d; its instance stopped; deadline %s)", ref.id(),
                    generation, found.get().deadline());
            pipeline.resume(found.get(), generation, claim.askedAtNanos());
            return true;
        });
    }

    /** The entry's creation time is its deadline minus the timeout; long past it, no record will appear. */
    private boolean neverCreated(ScoredMember entry) {
        Instant created = Instant.ofEpochMilli((long) entry.score()).minus(config.timeout());
        return created.plus(CREATION_GRACE).isBefore(Instant.now());
    }
}
