package dev.deploygateway.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.deploygateway.config.RateLimitConfig;
import dev.deploygateway.config.StoreConfig;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.store.RedisStore;
import dev.deploygateway.store.StoreScript;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;

/**
 * Drives the gateway's own {@link DeploymentRateLimiter#admit} (RedisStore → RedisDispatcher → EVALSHA of the
 * production Lua) against one Redis server, closed loop with a fixed number of admissions in flight, random users
 * and deployment ids, and prints one line: admissions/s and latency percentiles.
 *
 * <p>Usage: {@code LimiterBench <port> <requests> <concurrency> <users> <poolSize> <limit> <warmup>}
 */
public final class LimiterBench {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int requests = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        int users = Integer.parseInt(args[3]);
        int poolSize = Integer.parseInt(args[4]);
        int limit = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);

        Vertx vertx = Vertx.vertx();
        RedisOptions options = new RedisOptions().setConnectionString("redis://127.0.0.1:" + port);
        // The app's pool is quarkus.redis.max-pool-size (32 by default); the waiting queue must hold every
        // admission in flight, or the client itself would refuse them.
        options.getPoolOptions().setMaxSize(poolSize).setMaxWaiting(Math.max(4096, concurrency));
        Redis client = Redis.createClient(vertx, options);
        RedisStore store = RedisStore.over(client, vertx, new BenchStoreConfig(), new SimpleMeterRegistry());
        DeploymentRateLimiter limiter = new DeploymentRateLimiter(store, new BenchRateLimit(limit),
                new SimpleMeterRegistry());

        // Warm-up: connections, script cache and above all the JIT. On a starved box C2 needs many thousand
        // admissions to finish compiling the hot path; measured before that, CPU per admission is mostly compiler.
        run(limiter, warmup, concurrency, users);
        // Start the measured run from an empty keyspace, as redis-benchmark does after its FLUSHALL.
        client.send(Request.cmd(Command.FLUSHALL)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        // CPU time per admission is the figure a shared, overloaded box distorts least (wall-clock rates depend on
        // what else runs); compared with redis-benchmark's own CPU per request.
        long cpu0 = cpuNanos();
        Result r = run(limiter, requests, concurrency, users);
        long cpu = cpuNanos() - cpu0;
        long[] lat = r.latencies;
        Arrays.sort(lat);
        System.out.printf("ours requests=%d concurrency=%d pool=%d admitted=%d errors=%d rps=%.0f p50_ms=%.3f "
                + "p95_ms=%.3f p99_ms=%.3f max_ms=%.3f cpu_us=%.1f%n", requests, concurrency, poolSize,
                r.admitted.get(), r.errors.get(), requests / (r.nanos / 1e9), pct(lat, 50), pct(lat, 95),
                pct(lat, 99), lat[lat.length - 1] / 1e6, cpu / 1e3 / requests);
        if (r.errors.get() > 0) {
            System.err.println("first error: " + r.firstError);
        }
        System.exit(0); // Mutiny's default worker pool is not daemon; do not wait for it
    }

    /**
     * Bounds generous enough that a benchmark on a busy 2-core box measures throughput, not timeouts: a breaker
     * that opened, or a pool wait that shed load, would turn the run into a count of errors.
     */
    private static final class BenchStoreConfig implements StoreConfig {
        public Duration commandTimeout() { return Duration.ofSeconds(10); }
        public Duration poolWaitTimeout() { return Duration.ofSeconds(10); }
        public Duration memorySweepInterval() { return Duration.ofSeconds(30); }
        public int breakerFailureThreshold() { return 1_000; }
        public Duration breakerOpenDuration() { return Duration.ofSeconds(1); }
    }

    private record BenchRateLimit(int maxPerWindow) implements RateLimitConfig {
        public Duration window() { return Duration.ofHours(1); }
    }

    private static final class Result {
        final long[] latencies;
        final AtomicInteger admitted = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final CountDownLatch done;
        final AtomicInteger next = new AtomicInteger();
        volatile Throwable firstError;
        long nanos;

        Result(int requests) {
            latencies = new long[requests];
            done = new CountDownLatch(requests);
        }
    }

    private static Result run(DeploymentRateLimiter limiter, int requests, int concurrency, int users)
            throws InterruptedException {
        Result r = new Result(requests);
        long started = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            issue(limiter, r, users);
        }
        r.done.await();
        r.nanos = System.nanoTime() - started;
        return r;
    }

    /** Closed loop: each completion issues the next admission, keeping `concurrency` in flight. */
    private static void issue(DeploymentRateLimiter limiter, Result r, int users) {
        int i = r.next.getAndIncrement();
        if (i >= r.latencies.length) {
            return;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String user = Integer.toString(random.nextInt(users));
        String deployment = "dpl_" + random.nextInt(users);
        long t0 = System.nanoTime();
        limiter.admit(user, deployment).subscribe().with(d -> {
            r.latencies[i] = System.nanoTime() - t0;
            if (d.admitted()) {
                r.admitted.incrementAndGet();
            }
            r.done.countDown();
            issue(limiter, r, users);
        }, e -> {
            r.latencies[i] = System.nanoTime() - t0;
            if (r.errors.getAndIncrement() == 0) {
                r.firstError = e;
            }
            r.done.countDown();
            issue(limiter, r, users);
        });
    }

    /** This JVM's CPU time so far, all threads (event loop, GC, JIT). */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static double pct(long[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, idx)] / 1e6;
    }

    /**
     * Writes the Lua the limiter sends ({@code SlidingWindowScript.SCRIPT}, package-private, hence reflection) to
     * a file and prints its SHA-1 as the store computes it, so run.sh can check that redis-benchmark's
     * {@code SCRIPT LOAD} of the file yields the very script the limiter's EVALSHA names.
     */
    public static final class PrintScript {
        public static void main(String[] args) throws Exception {
            var field = Class.forName("dev.deploygateway.ratelimit.SlidingWindowScript").getDeclaredField("SCRIPT");
            field.setAccessible(true);
            StoreScript script = (StoreScript) field.get(null);
            Files.writeString(Path.of(args[0]), script.lua(), StandardCharsets.UTF_8);
            System.out.println(script.sha1());
        }
    }
}
