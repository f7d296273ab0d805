package dev.deploygateway.sandbox.vercel;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Vercel's rate-limit headers and 429s, plus injected faults for tests and demos: the next {@code count}
 * requests whose path contains {@code pathContains} get {@code status} (429 with {@code Retry-After}, or a
 * 5xx). Shared by the JAX-RS filter and the raw event-stream route.
 */
@ApplicationScoped
class SandboxTraffic {

    /** An injected failure. */
    record Fault(int status, int retryAfterSeconds, String pathContains, AtomicInteger remaining) {
    }

    /** What a request is answered with when it is not let through. */
    record Rejection(int status, Map<String, String> headers, Map<String, Object> body) {
    }

    /** The rate-limit window of one token at the time of a request. */
    record Window(int limit, int remaining, long resetEpochSeconds) {
        Map<String, String> headers() {
            return Map.of("X-RateLimit-Limit", Integer.toString(limit), "X-RateLimit-Remaining",
                    Integer.toString(Math.max(0, remaining)), "X-RateLimit-Reset", Long.toString(resetEpochSeconds));
        }
    }

    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
    private final int perMinute;

    SandboxTraffic(SandboxVercelConfig config) {
        this.perMinute = config.requestsPerMinute();
    }

    void inject(int status, int retryAfterSeconds, String pathContains, int count) {
        faults.add(new Fault(status, retryAfterSeconds, pathContains == null ? "" : pathContains,
                new AtomicInteger(count)));
    }

    void clearFaults() {
        faults.clear();
    }

    /** Counts the request against its token's window; returns the window, or the rejection to answer. */
    Window count(String authorization) {
        String key = SandboxCaller.bearer(authorization).orElse("anonymous");
        long nowSec = Instant.now().getEpochSecond();
        if (windows.size() > 10_000) {
            windows.clear();
        }
        long[] w = windows.compute(key, (k, old) -> {
            if (old == null || old[0] <= nowSec) {
                return new long[] { nowSec + 60, 1 };
            }
            old[1]++;
            return old;
        });
        synchronized (w) {
            return new Window(perMinute, (int) (perMinute - w[1]), w[0]);
        }
    }

    Optional<Rejection> admit(String path, Window window) {
        for (Fault fault : faults) {
            if (path.contains(fault.pathContains()) && fault.remaining().getAndDecrement() > 0) {
                return Optional.of(reject(fault.status(), fault.retryAfterSeconds(), window));
            }
        }
        faults.removeIf(f -> f.remaining().get() <= 0);
        if (window.remaining() < 0) {
            return Optional
                    .of(reject(429, (int) Math.max(1, window.resetEpochSeconds() - Instant.now().getEpochSecond()),
                            window));
        }
        return Optional.empty();
    }

    private static Rejection reject(int status, int retryAfter, Window window) {
        var headers = new HashMap<>(window.headers());
        if (status == 429) {
            headers.put("X-RateLimit-Remaining", "0");
            headers.put("Retry-After", Integer.toString(retryAfter));
            long resetMs = (Instant.now().getEpochSecond() + retryAfter) * 1000;
            return new Rejection(429, headers, SandboxError.body("rate_limited",
                    "Rate limit exceeded", Map.of("limit", Map.of("remaining", 0, "reset", resetMs / 1000,
                            "resetMs", resetMs, "total", window.limit()))));
        }
        if (retryAfter > 0) {
            headers.put("Retry-After", Integer.toString(retryAfter));
        }
        return new Rejection(status, headers, SandboxError.body("internal_server_error",
                "An unexpected internal error occurred", Map.of()));
    }

    /** Paths that behave like api.vercel.com (not the sandbox's control endpoints and browser pages). */
    static boolean isApi(String path) {
        return path.startsWith("/sandbox/vercel/") && !path.startsWith("/sandbox/vercel/_sandbox")
                && !path.startsWith("/sandbox/vercel/oauth/");
    }
}
