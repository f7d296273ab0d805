package dev.deploygateway.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import dev.deploygateway.config.RateLimitConfig;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.store.RedisStore;
import dev.deploygateway.store.StoreCircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

/**
 * Drives the gateway's own DeploymentRateLimiter (RedisStore, EVALSHA of the production Lua) against a Redis
 * server with a fixed number of admissions in flight, random users and deployment ids, and prints
 * admissions/s and latency percentiles. Usage: LimiterBench <port> <requests> <concurrency> <users> [luaOut]
 */
public final class LimiterBench {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int requests = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        int users = Integer.parseInt(args[3]);

        Vertx vertx = Vertx.vertx();
        Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:" + port)
                .setMaxPoolSize(8).setMaxPoolWaiting(4096));
        var ds = new ReactiveRedisDataSourceImpl(vertx, redis, RedisAPI.api(redis));
        RedisStore store = new RedisStore(ds, Duration.ofSeconds(5),
                new StoreCircuitBreaker(1000, Duration.ofSeconds(1), Clock.systemUTC()));
        RateLimitConfig config = new RateLimitConfig() {
            public int maxPerWindow() { return 10; }
            public Duration window() { return Duration.ofHours(1); }
            public RedisDownPolicy redisDownPolicy() { return RedisDownPolicy.FAIL_CLOSED; }
            public int fallbackMaxPerInstance() { return 0; }
        };
        DeploymentRateLimiter limiter = new DeploymentRateLimiter(store, config, new SimpleMeterRegistry(), vertx);

        run(limiter, Math.min(20_000, requests), concurrency, users); // warm-up (JIT, connections, script load)
        Result r = run(limiter, requests, concurrency, users);
        long[] lat = r.latencies;
        Arrays.sort(lat);
        System.out.printf("ours requests=%d concurrency=%d admitted=%d errors=%d rps=%.0f p50_ms=%.3f p95_ms=%.3f "
                + "p99_ms=%.3f max_ms=%.3f%n", requests, concurrency, r.admitted.get(), r.errors.get(),
                requests / (r.nanos / 1e9), pct(lat, 50), pct(lat, 95), pct(lat, 99), lat[lat.length - 1] / 1e6);
        vertx.closeAndAwait();
        System.exit(0); // Mutiny's default worker pool is not daemon; do not wait for it
    }

    private record Result(long[] latencies, long nanos, AtomicInteger admitted, AtomicInteger errors) {
    }

    private static Result run(DeploymentRateLimiter limiter, int requests, int concurrency, int users)
            throws InterruptedException {
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(requests);
        long started = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            issue(limiter, next, requests, users, latencies, admitted, errors, done);
        }
        done.await();
        return new Result(latencies, System.nanoTime() - started, admitted, errors);
    }

    /** Closed loop: each completion issues the next request, keeping `concurrency` in flight. */
    private static void issue(DeploymentRateLimiter limiter, AtomicInteger next, int requests, int users,
            long[] latencies, AtomicInteger admitted, AtomicInteger errors, CountDownLatch done) {
        int i = next.getAndIncrement();
        if (i >= requests) {
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String user = Integer.toString(random.nextInt(users));
        String deployment = "dpl_" + random.nextInt(users);
        long t0 = System.nanoTime();
        limiter.admit(user, deployment).subscribe().with(d -> {
            latencies[i] = System.nanoTime() - t0;
            if (d.admitted()) {
                admitted.incrementAndGet();
            }
            done.countDown();
            issue(limiter, next, requests, users, latencies, admitted, errors, done);
        }, e -> {
            latencies[i] = System.nanoTime() - t0;
            errors.incrementAndGet();
            done.countDown();
            issue(limiter, next, requests, users, latencies, admitted, errors, done);
        });
    }

    private static double pct(long[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, idx)] / 1e6;
    }

    /** Writes the production Lua to a file so redis-benchmark runs exactly the same script. */
    public static final class PrintScript {
        public static void main(String[] args) throws Exception {
            var field = Class.forName("dev.deploygateway.ratelimit.SlidingWindowScript").getDeclaredField("LUA");
            field.setAccessible(true);
            Files.writeString(Path.of(args[0]), (String) field.get(null));
        }
    }
}
