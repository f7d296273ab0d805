package dev.deploygateway.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * A user's deployment quota at one instant.
 *
 * @param limit admissions allowed in any rolling window
 * @param remaining admissions still possible now
 * @param window the rolling window
 * @param reset when the oldest admission in the window leaves it (a slot frees); {@code decidedAt} when empty
 * @param retryAfter how long until the next admission can succeed; zero while {@code remaining > 0}
 * @param decidedAt the store's clock when this was computed (Redis {@code TIME} on Redis)
 */
public record Quota(int limit, int remaining, Duration window, Instant reset, Duration retryAfter,
        Instant decidedAt) {

    /** {@link #retryAfter()} in whole seconds, rounded up (what {@code Retry-After} carries). */
    public long retryAfterSeconds() {
        return ceilSeconds(retryAfter.toMillis());
    }

    /** Seconds from {@link #decidedAt()} to {@link #reset()}, rounded up (the draft's {@code t}). */
    public long secondsToReset() {
        return ceilSeconds(Math.max(0, reset.toEpochMilli() - decidedAt.toEpochMilli()));
    }

    static long ceilSeconds(long millis) {
        return (millis + 999) / 1000;
    }
}
