package dev.deploygateway.ratelimit;

import java.time.Duration;

import dev.deploygateway.config.RateLimitConfig;

/** A fixed rate-limit configuration for plain tests. */
record TestRateLimitConfig(int maxPerWindow, Duration window, RedisDownPolicy redisDownPolicy,
        int fallbackMaxPerInstance) implements RateLimitConfig {

    static TestRateLimitConfig failOpen(int max, Duration window) {
        return new TestRateLimitConfig(max, window, RedisDownPolicy.FAIL_OPEN, 1000);
    }
}
