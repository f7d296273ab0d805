package dev.deploygateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Shared state. {@code REDIS_URL} is mapped onto {@code quarkus.redis.hosts}; without it the service runs on
 * the in-memory backend (single instance). These settings bound how long any caller waits for Redis; the pool
 * itself is {@code quarkus.redis.max-pool-size} ({@code REDIS_MAX_POOL_SIZE}) and
 * {@code quarkus.redis.max-pool-waiting} ({@code REDIS_MAX_POOL_WAITING}).
 */
@ConfigMapping(prefix = "gateway.store")
public interface StoreConfig {

    /**
     * {@code REDIS_COMMAND_TIMEOUT}: how long one Redis command may take, counted from the moment it is written
     * to a connection, before it counts as failed (and towards the circuit breaker).
     */
    @WithDefault("1s")
    Duration commandTimeout();

    /**
     * {@code REDIS_POOL_WAIT_TIMEOUT}: how long a command may wait for a pooled connection before this instance
     * sheds it with 503 {@code SERVICE_SATURATED}. Local queueing, not a Redis failure: never counted by the breaker.
     */
    @WithDefault("3s")
    Duration poolWaitTimeout();

    /** How often the in-memory backend sweeps expired keys (lazy expiry also applies on every read). */
    @WithDefault("30s")
    Duration memorySweepInterval();

    /** {@code REDIS_BREAKER_FAILURE_THRESHOLD}: consecutive Redis outage failures that open the circuit breaker. */
    @WithDefault("5")
    int breakerFailureThreshold();

    /** {@code REDIS_BREAKER_OPEN_DURATION}: how long an open breaker fails Redis commands at once before a trial. */
    @WithDefault("5s")
    Duration breakerOpenDuration();
}
