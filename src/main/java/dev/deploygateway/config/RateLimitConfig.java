package dev.deploygateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The per-user deployment rate limit. There is no "fail-open" switch: a deployment can only be admitted where it
 * can also be recorded, so while Redis is unreachable deployments are refused with 503 (see
 * {@code docs/rate-limiting-and-store.md}, "Outage policy").
 */
@ConfigMapping(prefix = "gateway.rate-limit")
public interface RateLimitConfig {

    /** {@code MAX_DEPLOYMENTS_PER_HOUR}: deployments admitted per user in any rolling window. */
    @WithDefault("10")
    int maxPerWindow();

    /** {@code RATE_LIMIT_WINDOW}: the rolling window (ISO-8601 or e.g. {@code 1h}). */
    @WithDefault("1h")
    Duration window();
}
