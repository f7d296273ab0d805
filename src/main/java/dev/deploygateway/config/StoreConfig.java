package dev.deploygateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Shared state. {@code REDIS_URL} is mapped onto {@code quarkus.redis.hosts}; without it the service runs on
 * the in-memory backend (single instance). These settings bound how long any caller waits for Redis.
 */
@ConfigMapping(prefix = "gateway.store")
public interface StoreConfig {

    /** {@code REDIS_COMMAND_TIMEOUT}: how long one Redis command may take before it counts as failed. */
    @WithDefault("250ms")
    Duration commandTimeout();

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
