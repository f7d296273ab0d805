package dev.deploygateway.sandbox.railway;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Railway's documented rate limiting: every API response carries {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (epoch seconds) for the token's hourly window; past the
 * limit, and for the next {@code count} requests after the {@code rate-limit} scenario switch, the answer is 429
 * with {@code Retry-After} (seconds).
 */
@ApplicationScoped
class BackboardTraffic {

    private static final long WINDOW_SECONDS = 3600;
    private static final int MAX_WINDOWS = 10_000;

    /** The token's window at the time of a request; {@code retryAfter} is set when the request is refused. */
    record Window(int limit, int remaining, long resetEpochSeconds, Optional<Long> retryAfter) {
        Map<String, String> headers() {
            var headers = new LinkedHashMap<String, String>();
            headers.put("X-RateLimit-Limit", Integer.toString(limit));
            headers.put("X-RateLimit-Remaining", Integer.toString(Math.max(0, remaining)));
            headers.put("X-RateLimit-Reset", Long.toString(resetEpochSeconds));
            retryAfter.ifPresent(s -> headers.put("Retry-After", Long.toString(s)));
            return headers;
        }
    }

    private record Forced(AtomicInteger remaining, long retryAfterSeconds) {
    }

    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
    private final int perHour;
    private volatile Forced forced;

    BackboardTraffic(BackboardConfig config) {
        this.perHour = config.requestsPerHour();
    }

    /** The scenario switch: the next {@code count} API requests are refused with 429. */
    void force(int count, long retryAfterSeconds) {
        forced = new Forced(new AtomicInteger(count), retryAfterSeconds);
    }

    void clear() {
        forced = null;
    }

    /** Counts one request of {@code token} (or of anonymous callers) and says whether it may pass. */
    Window count(String token) {
        long now = Instant.now().getEpochSecond();
        if (windows.size() > MAX_WINDOWS) {
            windows.clear(); // bounded memory; a cleared window only makes the sandbox more lenient
        }
        long[] window = windows.compute(token == null ? "" : token, (k, old) -> old == null || old[0] <= now
                ? new long[] { now + WINDOW_SECONDS, 1 } : new long[] { old[0], old[1] + 1 });
        int remaining = (int) (perHour - window[1]);
        Forced switched = forced;
        if (switched != null && switched.remaining().getAndDecrement() > 0) {
            return new Window(perHour, 0, window[0], Optional.of(switched.retryAfterSeconds()));
        }
        if (remaining < 0) {
            return new Window(perHour, 0, window[0], Optional.of(Math.max(1, window[0] - now)));
        }
        return new Window(perHour, remaining, window[0], Optional.empty());
    }
}
