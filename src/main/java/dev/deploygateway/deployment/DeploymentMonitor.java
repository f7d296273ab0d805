package dev.deploygateway.deployment;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.deploygateway.config.DeploymentConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Keeps every running deployment owned by exactly one instance. Every {@code sweepInterval} each instance looks
 * at the cluster-wide set of active deployments and claims the ones whose lease has lapsed (their instance
 * stopped), then resumes watching them from the platform's state; deployments found already finished are
 * removed from the set. Overdue ones are ended as TIMED_OUT by the resumed run's own timer.
 */
@ApplicationScoped
public class DeploymentMonitor {

    private static final Logger LOG = Logger.getLogger(DeploymentMonitor.class);
    private static final int SWEEP_BATCH = 200;

    private final DeploymentRepository repository;
    private final DeploymentLeases leases;
    private final DeploymentPipeline pipeline;
    private final DeploymentConfig config;
    private final Vertx vertx;
    private long timerId = -1;
    private volatile boolean sweeping;

    DeploymentMonitor(DeploymentRepository repository, DeploymentLeases leases, DeploymentPipeline pipeline,
            DeploymentConfig config, Vertx vertx) {
        this.repository = repository;
        this.leases = leases;
        this.pipeline = pipeline;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(config.sweepInterval().toMillis(), id -> sweep());
    }

    /** One sweep; public for tests. */
    public Uni<Integer> sweepNow() {
        return repository.active(SWEEP_BATCH).chain(ids -> Multi.createFrom().iterable(ids)
                .filter(id -> !leases.holds(id))
                .onItem().transformToUniAndConcatenate(this::adopt)
                .collect().asList().map(List::size));
    }

    private void sweep() {
        if (sweeping) {
            return;
        }
        sweeping = true;
        sweepNow().onTermination().invoke(() -> sweeping = false)
                .subscribe().with(n -> {
                }, failure -> LOG.debugf("monitor sweep skipped: %s", failure.toString()));
    }

    private Uni<Boolean> adopt(String id) {
        return leases.claim(id).chain(claimed -> {
            if (!claimed) {
                return Uni.createFrom().item(false);
            }
            return repository.find(id).chain(found -> {
                if (found.isEmpty() || found.get().terminal()) {
                    return repository.deactivate(id).chain(() -> leases.release(id)).replaceWith(false);
                }
                LOG.infof("taking over deployment %s (its instance stopped; deadline %s, now %s)", id,
                        found.get().deadline(), Instant.now());
                pipeline.resume(found.get());
                return Uni.createFrom().item(true);
            });
        }).onFailure().recoverWithItem(false);
    }

    @PreDestroy
    void stop() {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }
}
