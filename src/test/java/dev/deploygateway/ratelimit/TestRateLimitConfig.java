package dev.deploygateway.ratelimit;

import java.time.Duration;

import dev.deploygateway.config.RateLimitConfig;

/** A fixed rate-limit configuration for plain tests. */
record TestRateLimitConfig(int maxPerWindow, Duration window) implements RateLimitConfig {
}
