package dev.deploygateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The per-user deployment rate limit. */
@ConfigMapping(prefix = "gateway.rate-limit")
public interface RateLimitConfig {

    /** {@code MAX_DEPLOYMENTS_PER_HOUR}: deployments admitted per user in any rolling window. */
    @WithDefault("10")
    int maxPerWindow();

    /** {@code RATE_LIMIT_WINDOW}: the rolling window (ISO-8601 or e.g. {@code 1h}). */
    @WithDefault("1h")
    Duration window();

    /** {@code RATE_LIMIT_REDIS_DOWN_POLICY}: what the limiter does while Redis is unreachable. */
    @WithDefault("fail-open")
    RedisDownPolicy redisDownPolicy();

    /**
     * {@code RATE_LIMIT_FALLBACK_MAX_PER_INSTANCE}: the most admissions one instance grants from its
     * local log during a Redis outage, across all users, so a long outage cannot multiply quotas unboundedly.
     */
    @WithDefault("1000")
    int fallbackMaxPerInstance();

    /** What to do when the shared store cannot be reached. */
    enum RedisDownPolicy {
        /** Admit on the in-process log (bounded) and replay into Redis on recovery. */
        FAIL_OPEN,
        /** Answer 503 with Retry-After. */
        FAIL_CLOSED
    }
}
