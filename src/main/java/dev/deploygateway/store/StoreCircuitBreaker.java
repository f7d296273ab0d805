package dev.deploygateway.store;

import java.time.Clock;
import java.time.Duration;

/**
 * One breaker for every Redis command of this instance. After {@code failureThreshold} consecutive outage
 * failures (timeouts, refused or dropped connections) it opens: commands fail at once, without waiting for the
 * command timeout, for {@code openDuration}. Then it lets one trial command through (half-open); its success
 * closes the breaker, its failure opens it again.
 *
 * <p>Own code rather than SmallRye Fault Tolerance's {@code @CircuitBreaker}: that breaker is per annotated
 * method and counts every exception, while Redis is one dependency whose health all commands share, only
 * outages (not a Redis error reply such as WRONGTYPE) must count, and callers need its state (readiness data,
 * the rate limiter's {@code Retry-After}).
 */
public final class StoreCircuitBreaker {

    /** Breaker states. */
    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int failureThreshold;
    private final Duration openDuration;
    private final Clock clock;

    private int consecutiveFailures;
    private long openedAt = -1;
    private boolean trialInFlight;

    public StoreCircuitBreaker(int failureThreshold, Duration openDuration, Clock clock) {
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openDuration = openDuration;
        this.clock = clock;
    }

    /** True when a command may go to Redis now; in half-open state only one trial at a time. */
    public synchronized boolean tryAcquire() {
        if (openedAt < 0) {
            return true;
        }
        if (clock.millis() - openedAt < openDuration.toMillis() || trialInFlight) {
            return false;
        }
        trialInFlight = true;
        return true;
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        openedAt = -1;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        if (trialInFlight || consecutiveFailures >= failureThreshold) {
            openedAt = clock.millis();
        }
        trialInFlight = false;
    }

    /** The command was abandoned (cancelled) before it answered: neither success nor failure. */
    public synchronized void onCancel() {
        trialInFlight = false;
    }

    public synchronized State state() {
        if (openedAt < 0) {
            return State.CLOSED;
        }
        return clock.millis() - openedAt < openDuration.toMillis() ? State.OPEN : State.HALF_OPEN;
    }

    /** How long until the breaker lets a trial through (at least the open duration when closed). */
    public synchronized Duration retryAfter() {
        if (openedAt < 0) {
            return openDuration;
        }
        long left = openDuration.toMillis() - (clock.millis() - openedAt);
        return Duration.ofMillis(Math.max(left, 0));
    }
}
