package dev.deploygateway.deployment;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.StoreKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Which instance runs which deployment: a lease per deployment ({@code SET NX PX}), renewed by its holder every
 * {@code leaseRenewInterval} while the pipeline runs and released when it ends. If the holder dies, the lease
 * lapses after {@code leaseTtl} and another instance's monitor claims it.
 */
@ApplicationScoped
public class DeploymentLeases {

    private static final Logger LOG = Logger.getLogger(DeploymentLeases.class);

    private final String instanceId = UUID.randomUUID().toString();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final SharedStore store;
    private final DeploymentConfig config;
    private final Vertx vertx;
    private final long timerId;

    DeploymentLeases(SharedStore store, DeploymentConfig config, Vertx vertx) {
        this.store = store;
        this.config = config;
        this.vertx = vertx;
        this.timerId = vertx.setPeriodic(config.leaseRenewInterval().toMillis(), id -> renewAll());
    }

    static String key(String deploymentId) {
        return StoreKeys.deployment(deploymentId, "lease");
    }

    boolean holds(String deploymentId) {
        return held.contains(deploymentId);
    }

    /** Tries to become the deployment's owner. */
    Uni<Boolean> claim(String deploymentId) {
        if (held.contains(deploymentId)) {
            return Uni.createFrom().item(false);
        }
        return store.setIfAbsent(key(deploymentId), instanceId, config.leaseTtl())
                .invoke(claimed -> {
                    if (claimed) {
                        held.add(deploymentId);
                    }
                });
    }

    Uni<Void> release(String deploymentId) {
        held.remove(deploymentId);
        return store.deleteIfEquals(key(deploymentId), instanceId).replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private void renewAll() {
        for (String id : held) {
            store.get(key(id))
                    .chain(owner -> owner.filter(instanceId::equals).isPresent()
                            ? store.expire(key(id), config.leaseTtl())
                            : Uni.createFrom().item(false))
                    .subscribe().with(renewed -> {
                        if (!renewed) {
                            // Someone else owns it now (we were cut off longer than the TTL): stop claiming it.
                            LOG.warnf("lost the lease of deployment %s", id);
                            held.remove(id);
                        }
                    }, failure -> LOG.debugf("lease renewal of %s failed: %s", id, failure.toString()));
        }
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(timerId);
    }
}
