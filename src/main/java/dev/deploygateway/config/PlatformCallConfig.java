package dev.deploygateway.config;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * How one platform client calls its platform: the group every platform's configuration carries as
 * {@code gateway.<platform>.calls.*}, read by {@code PlatformCallPolicy}. The HTTP connection's own timeouts are
 * {@code quarkus.rest-client.<platform>.connect-timeout} / {@code read-timeout}.
 */
public interface PlatformCallConfig {

    /** Attempts per idempotent call (GETs, queries, uploads by digest) on 5xx, network errors and timeouts. */
    @WithDefault("3")
    int maxAttempts();

    /** First back-off between attempts and stream reconnects; doubled each time, plus up to 50% jitter. */
    @WithDefault("250ms")
    Duration retryBackoff();

    /** A 429 whose {@code Retry-After} is longer than this is not waited out but reported as RATE_LIMITED. */
    @WithDefault("30s")
    Duration maxRetryAfter();

    /** Upper bound of one non-streaming call, including a waited-out 429 (an upload included). */
    @WithDefault("60s")
    Duration callTimeout();

    /** Consecutive resumes of a dropped build-log stream without a new line before giving up. */
    @WithDefault("5")
    int maxStreamResumes();
}
