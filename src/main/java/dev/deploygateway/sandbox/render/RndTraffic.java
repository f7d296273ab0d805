package dev.deploygateway.sandbox.render;

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
 * Render's rate limits, per endpoint as documented (creating services and databases 20 an hour per key, a service's
 * deploy triggers 10 a minute, other writes and reads per minute), reported on every answer as
 * {@code Ratelimit-Limit}, {@code -Remaining} and {@code -Reset} (seconds until the window ends, as observed), and
 * answered 429 {@code {"id":"rate_limited",…}} with {@code Retry-After} when exceeded; plus forced 429s for tests.
 */
@ApplicationScoped
class RndTraffic {

    /** The window a request counted against. */
    record Window(int limit, int used, long resetEpochSeconds) {
        Map<String, String> headers() {
            var headers = new LinkedHashMap<String, String>();
            headers.put("Ratelimit-Limit", Integer.toString(limit));
            headers.put("Ratelimit-Remaining", Integer.toString(Math.max(0, limit - used)));
            headers.put("Ratelimit-Reset", Long.toString(Math.max(0, resetEpochSeconds
                    - Instant.now().getEpochSecond())));
            return headers;
        }

        boolean exceeded() {
            return used > limit;
        }
    }

    record Forced(int retryAfterSeconds, String pathContains, AtomicInteger remaining) {
    }

    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
    private final List<Forced> forced = new CopyOnWriteArrayList<>();
    private final RndConfig config;

    RndTraffic(RndConfig config) {
        this.config = config;
    }

    void force(int retryAfterSeconds, String pathContains, int count) {
        forced.add(new Forced(retryAfterSeconds, pathContains == null ? "" : pathContains, new AtomicInteger(count)));
    }

    void clear() {
        forced.clear();
        windows.clear();
    }

    Optional<Integer> forcedRetryAfter(String path) {
        for (Forced f : forced) {
            if (path.contains(f.pathContains()) && f.remaining().getAndDecrement() > 0) {
                return Optional.of(f.retryAfterSeconds());
            }
        }
        forced.removeIf(f -> f.remaining().get() <= 0);
        return Optional.empty();
    }

    /** Counts a request in its bucket: {@code key} is the API key, {@code method} and {@code path} pick the bucket. */
    Window count(String key, String method, String path) {
        String bucket;
        int limit;
        long seconds;
        if ("POST".equals(method) && (path.endsWith("/v1/services") || path.endsWith("/v1/postgres"))) {
            bucket = "create:" + key;
            limit = config.creationsPerHour();
            seconds = 3600;
        } else if ("POST".equals(method) && path.matches(".*/v1/services/[^/]+/deploys")) {
            bucket = "deploy:" + path;
            limit = config.deployTriggersPerMinute();
            seconds = 60;
        } else if ("GET".equals(method)) {
            bucket = "read:" + key;
            limit = config.readsPerMinute();
            seconds = 60;
        } else {
            bucket = "write:" + key;
            limit = config.writesPerMinute();
            seconds = 60;
        }
        long now = Instant.now().getEpochSecond();
        if (windows.size() > 10_000) {
            windows.clear();
        }
        long[] w = windows.compute(bucket, (k, old) -> old == null || old[0] <= now ? new long[] { now + seconds, 1 }
                : new long[] { old[0], old[1] + 1 });
        return new Window(limit, (int) w[1], w[0]);
    }
}
