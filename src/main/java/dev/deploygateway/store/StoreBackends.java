package dev.deploygateway.store;

import static io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.jboss.logging.Logger;

import dev.deploygateway.config.StoreConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/**
 * Chooses the backend once at startup: Redis when {@code quarkus.redis.hosts} ({@code REDIS_URL}) is set, which
 * makes the Quarkus Redis client active (standalone, Sentinel or Cluster, by {@code quarkus.redis.client-type}),
 * the memory backend otherwise. The Redis bean is looked up through {@code listActive()} because injecting an
 * inactive client directly fails startup.
 */
@ApplicationScoped
public class StoreBackends {

    private static final Logger LOG = Logger.getLogger(StoreBackends.class);

    private final InjectableInstance<ReactiveRedisDataSource> redis;
    private final StoreConfig config;
    private final Vertx vertx;
    private final MeterRegistry registry;
    private volatile MemoryStore memory;

    public StoreBackends(InjectableInstance<ReactiveRedisDataSource> redis, StoreConfig config, Vertx vertx,
            MeterRegistry registry) {
        this.redis = redis;
        this.config = config;
        this.vertx = vertx;
        this.registry = registry;
    }

    @Produces
    @ApplicationScoped
    SharedStore sharedStore() {
        List<ReactiveRedisDataSource> active = redis.listActive();
        if (!active.isEmpty()) {
            LOG.infof("Shared store: Redis (command timeout %s, pool wait %s, breaker opens after %d failures for %s)",
                    config.commandTimeout(), config.poolWaitTimeout(), config.breakerFailureThreshold(),
                    config.breakerOpenDuration());
            var client = active.get(0).getRedis().getDelegate();
            // Open a connection now so the first real command does not pay connect + HELLO in its timeout.
            client.send(Request.cmd(Command.PING))
                    .onSuccess(ok -> LOG.debug("Redis reachable"))
                    .onFailure(e -> LOG.warn("Redis is configured but not reachable yet; commands fail until it is"));
            return RedisStore.over(client, vertx, config, registry);
        }
        LOG.warn("Shared store: in-memory backend because REDIS_URL is not set. This instance is SINGLE-INSTANCE "
                + "only: state is not shared with other instances and is lost on restart.");
        memory = new MemoryStore(Clock.systemUTC());
        return memory;
    }

    @Scheduled(every = "${gateway.store.memory-sweep-interval}", concurrentExecution = SKIP)
    void sweepMemory() {
        MemoryStore store = memory;
        if (store != null) {
            store.sweep();
        }
    }
}
