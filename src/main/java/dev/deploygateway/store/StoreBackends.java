package dev.deploygateway.store;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import dev.deploygateway.config.StoreConfig;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.mutiny.core.Vertx;

/**
 * Chooses the backend once at startup: Redis when {@code quarkus.redis.hosts} ({@code REDIS_URL}) is set, which
 * makes the Quarkus Redis client active, the memory backend otherwise. The Redis bean is looked up through
 * {@code listActive()} because injecting an inactive client directly fails startup.
 */
@ApplicationScoped
public class StoreBackends {

    private static final Logger LOG = Logger.getLogger(StoreBackends.class);

    private final InjectableInstance<ReactiveRedisDataSource> redis;
    private final StoreConfig config;
    private final Vertx vertx;
    private long sweepTimer = -1;

    public StoreBackends(InjectableInstance<ReactiveRedisDataSource> redis, StoreConfig config, Vertx vertx) {
        this.redis = redis;
        this.config = config;
        this.vertx = vertx;
    }

    @Produces
    @ApplicationScoped
    SharedStore sharedStore() {
        List<ReactiveRedisDataSource> active = redis.listActive();
        if (!active.isEmpty()) {
            LOG.infof("Shared store: Redis (command timeout %s, breaker opens after %d failures for %s)",
                    config.commandTimeout(), config.breakerFailureThreshold(), config.breakerOpenDuration());
            // Open a connection now so the first real command does not pay connect + HELLO in its timeout.
            active.get(0).execute("PING").subscribe().with(ok -> LOG.debug("Redis reachable"),
                    e -> LOG.warn("Redis is configured but not reachable yet; commands fail until it is"));
            return new RedisStore(active.get(0), config.commandTimeout(), new StoreCircuitBreaker(
                    config.breakerFailureThreshold(), config.breakerOpenDuration(), Clock.systemUTC()));
        }
        LOG.warn("Shared store: in-memory backend because REDIS_URL is not set. This instance is SINGLE-INSTANCE "
                + "only: state is not shared with other instances and is lost on restart.");
        MemoryStore memory = new MemoryStore(Clock.systemUTC());
        sweepTimer = vertx.setPeriodic(config.memorySweepInterval().toMillis(), id -> memory.sweep());
        return memory;
    }

    void close(@Disposes SharedStore store) {
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
    }
}
