package dev.deploygateway.sandbox.github;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * GitHub's rate limits. Primary: requests per token per hour, reported on every answer as {@code x-ratelimit-limit},
 * {@code -remaining}, {@code -used}, {@code -reset} (epoch seconds) and {@code -resource}; exhausted → 403 with
 * remaining 0. Secondary: content-creating requests per token per minute → 403 with {@code retry-after}. A scenario
 * switch forces the next {@code count} matching requests into either limit, answered 403 or 429.
 */
@ApplicationScoped
class HubTraffic {

    /** Which limit a forced rejection imitates. */
    enum Kind {
        PRIMARY, SECONDARY
    }

    record Forced(Kind kind, int status, int retryAfterSeconds, String pathContains, AtomicInteger remaining) {
    }

    /** The hourly window of one token at the time of a request. */
    record Window(int limit, int used, long resetEpochSeconds) {
        Map<String, String> headers() {
            var headers = new LinkedHashMap<String, String>();
            headers.put("x-ratelimit-limit", Integer.toString(limit));
            headers.put("x-ratelimit-remaining", Integer.toString(Math.max(0, limit - used)));
            headers.put("x-ratelimit-used", Integer.toString(Math.min(used, limit)));
            headers.put("x-ratelimit-reset", Long.toString(resetEpochSeconds));
            headers.put("x-ratelimit-resource", "core");
            return headers;
        }
    }

    /** A refused request: status, headers, GitHub's body. */
    record Rejection(int status, Map<String, String> headers, Map<String, Object> body) {
    }

    private final Map<String, long[]> hourly = new ConcurrentHashMap<>();
    private final Map<String, long[]> creations = new ConcurrentHashMap<>();
    private final List<Forced> forced = new CopyOnWriteArrayList<>();
    private final HubConfig config;

    HubTraffic(HubConfig config) {
        this.config = config;
    }

    void force(Kind kind, int status, int retryAfterSeconds, String pathContains, int count) {
        forced.add(new Forced(kind, status, retryAfterSeconds, pathContains == null ? "" : pathContains,
                new AtomicInteger(count)));
    }

    void clear() {
        forced.clear();
        creations.clear();
    }

    Window count(String rateKey, boolean anonymous) {
        int limit = anonymous ? 60 : config.requestsPerHour();
        long now = Instant.now().getEpochSecond();
        if (hourly.size() > 10_000) {
            hourly.clear();
        }
        long[] w = hourly.compute(rateKey, (k, old) -> old == null || old[0] <= now ? new long[] { now + 3600, 1 }
                : new long[] { old[0], old[1] + 1 });
        return new Window(limit, (int) w[1], w[0]);
    }

    /** The rejection for this request, if any; {@code creates} marks content-creating requests. */
    Optional<Rejection> admit(String path, boolean creates, String rateKey, String who, Window window) {
        for (Forced f : forced) {
            if (path.contains(f.pathContains()) && f.remaining().getAndDecrement() > 0) {
                return Optional.of(f.kind() == Kind.PRIMARY ? primary(f.status(), who, window, f.retryAfterSeconds())
                        : secondary(f.status(), f.retryAfterSeconds(), window));
            }
        }
        forced.removeIf(f -> f.remaining().get() <= 0);
        if (window.used() > window.limit()) {
            return Optional.of(primary(403, who, window, 0));
        }
        if (creates) {
            long nowMs = System.currentTimeMillis();
            long[] minute = creations.compute(rateKey, (k, old) -> old == null || old[0] <= nowMs
                    ? new long[] { nowMs + 60_000, 1 } : new long[] { old[0], old[1] + 1 });
            if (minute[1] > config.contentCreationsPerMinute()) {
                return Optional.of(secondary(403, (int) Math.max(1, (minute[0] - nowMs) / 1000), window));
            }
        }
        return Optional.empty();
    }

    private static Rejection primary(int status, String who, Window window, int resetInSeconds) {
        var headers = new LinkedHashMap<>(window.headers());
        headers.put("x-ratelimit-remaining", "0");
        headers.put("x-ratelimit-used", Integer.toString(window.limit()));
        if (resetInSeconds > 0) {
            headers.put("x-ratelimit-reset", Long.toString(Instant.now().getEpochSecond() + resetInSeconds));
        }
        return new Rejection(status, headers, HubError.body(status, "API rate limit exceeded for " + who + ". "
                + "(But here's the good news: Authenticated requests get a higher rate limit.)"));
    }

    private static Rejection secondary(int status, int retryAfter, Window window) {
        var headers = new LinkedHashMap<>(window.headers());
        headers.put("retry-after", Integer.toString(retryAfter));
        return new Rejection(status, headers, HubError.body(status, "You have exceeded a secondary rate limit and "
                + "have been temporarily blocked from content creation. Please retry your request again later."));
    }
}
