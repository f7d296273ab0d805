package dev.deploygateway.deployment;

import static io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.store.SharedStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Which instance runs which deployment. A run holds its deployment's lease ({@code <instance>/<generation>})
 * and renews it atomically (compare-and-renew) every {@code leaseRenewInterval}; when the store says another
 * instance owns it now, the run is told to stop. Runs of this instance are known locally, so the monitor never
 * adopts a deployment its own instance is running. The local view of a lease's validity lets a run refuse a
 * non-idempotent platform call once its lease may have lapsed (e.g. after a long pause).
 */
@ApplicationScoped
public class DeploymentOwnership {

    private static final Logger LOG = Logger.getLogger(DeploymentOwnership.class);
    static final String TERMINAL = String.join(",", List.of(PlatformState.values()).stream()
            .filter(PlatformState::terminal).map(Enum::name).toList());

    private final String instanceId = UUID.randomUUID().toString();
    private final ConcurrentHashMap<String, Held> held = new ConcurrentHashMap<>();
    private final SharedStore store;
    private final DeploymentConfig config;

    /** A deployment run here: its lease value, generation, until when the lease surely holds, how to stop it. */
    private static final class Held {
        final DeploymentRef ref;
        final long generation;
        final String leaseValue;
        final Consumer<String> onLost;
        volatile long validUntilNanos;

        Held(DeploymentRef ref, long generation, String leaseValue, Consumer<String> onLost, long validUntilNanos) {
            this.ref = ref;
            this.generation = generation;
            this.leaseValue = leaseValue;
            this.onLost = onLost;
            this.validUntilNanos = validUntilNanos;
        }
    }

    DeploymentOwnership(SharedStore store, DeploymentConfig config) {
        this.store = store;
        this.config = config;
    }

    /** The lease value of a brand-new deployment (generation 1), which its creation script sets. */
    String firstLeaseValue() {
        return OwnershipScripts.leaseValue(instanceId, 1);
    }

    /**
     * Tries to take over a deployment whose lease lapsed: the new generation when claimed, empty when it is held,
     * ended or missing ({@code outcome} says which).
     */
    Uni<Claim> claim(DeploymentRef ref) {
        long started = System.nanoTime();
        return store.run(OwnershipScripts.CLAIM, List.of(ref.recordKey(), ref.leaseKey()),
                List.of(instanceId, Long.toString(config.leaseTtl().toMillis()), TERMINAL))
                .map(r -> new Claim(r.outcome(), OwnershipScripts.CLAIMED.equals(r.outcome())
                        ? Optional.of(r.number(1)) : Optional.empty(), started));
    }

    /** A claim's answer, and when it was asked (a granted lease holds for its TTL from then at least). */
    record Claim(String outcome, Optional<Long> generation, long askedAtNanos) {
    }

    /** Registers a run of this instance under {@code generation}; {@code onLost} stops it. */
    void hold(DeploymentRef ref, long generation, long leaseTakenAtNanos, Consumer<String> onLost) {
        held.put(ref.id(), new Held(ref, generation, OwnershipScripts.leaseValue(instanceId, generation), onLost,
                leaseTakenAtNanos + config.leaseTtl().toNanos()));
    }

    /** Whether this instance runs the deployment now. */
    boolean runsHere(String deploymentId) {
        return held.containsKey(deploymentId);
    }

    /**
     * Whether the run's lease surely still holds for {@code margin} more: checked right before a call that must
     * not be made twice. A run paused past its lease gives the deployment up rather than race a new owner.
     */
    boolean surelyHeld(String deploymentId) {
        Held h = held.get(deploymentId);
        long margin = config.leaseRenewInterval().toNanos();
        return h != null && System.nanoTime() < h.validUntilNanos - margin;
    }

    /**
     * Whether the run still holds its lease, asking the store when the local view is no longer sure (a renewal
     * was missed, e.g. while this instance was overloaded): a compare-and-renew that also takes a lapsed,
     * unclaimed lease back. Fails while the store cannot answer.
     */
    Uni<Boolean> confirm(String deploymentId) {
        if (surelyHeld(deploymentId)) {
            return Uni.createFrom().item(true);
        }
        Held h = held.get(deploymentId);
        return h == null ? Uni.createFrom().item(false) : renew(h).map(ignored -> surelyHeld(deploymentId));
    }

    /** The run ended (or stopped): forget it and give the lease back if it is still ours. */
    Uni<Void> release(DeploymentRef ref) {
        Held h = held.remove(ref.id());
        if (h == null) {
            return Uni.createFrom().voidItem();
        }
        return store.deleteIfEquals(ref.leaseKey(), h.leaseValue).replaceWithVoid().onFailure().recoverWithNull();
    }

    @Scheduled(every = "${gateway.deployment.lease-renew-interval}", concurrentExecution = SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> renewAll() {
        List<Uni<Void>> renewals = held.values().stream().map(this::renew).toList();
        if (renewals.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(renewals).andCollectFailures().replaceWithVoid().onFailure().recoverWithNull();
    }

    private Uni<Void> renew(Held h) {
        long started = System.nanoTime();
        return store.run(OwnershipScripts.RENEW, List.of(h.ref.recordKey(), h.ref.leaseKey()),
                List.of(h.leaseValue, Long.toString(h.generation), Long.toString(config.leaseTtl().toMillis())))
                .invoke(r -> {
                    if (OwnershipScripts.RENEWED.equals(r.outcome())) {
                        h.validUntilNanos = started + config.leaseTtl().toNanos();
                    } else if (held.remove(h.ref.id(), h)) {
                        LOG.warnf("deployment %s: lease lost to another instance; this run stops", h.ref.id());
                        h.onLost.accept("lease lost to another instance");
                    }
                })
                .onFailure().invoke(e -> LOG.debugf("lease renewal of %s failed: %s", h.ref.id(), e.toString()))
                .replaceWithVoid();
    }

    String instanceId() {
        return instanceId;
    }
}
