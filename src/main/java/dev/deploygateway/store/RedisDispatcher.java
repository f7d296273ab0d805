package dev.deploygateway.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Sends commands to Redis with two separate bounds, so that a burst of local work is never mistaken for a Redis
 * outage: the wait for a pooled connection ({@code poolWait}; exceeded → {@link StoreSaturatedException}, not
 * counted by the breaker) and the command itself, timed from the moment it is written to a connection
 * ({@code commandTimeout}; exceeded → {@link StoreUnavailableException}, counted by the breaker). Uses the bare
 * Vert.x client because a Mutiny timeout around {@code connect()} would drop a connection that arrives late
 * instead of giving it back to the pool.
 */
final class RedisDispatcher {

    private static final int WAITING = 0;
    private static final int SENDING = 1;
    private static final int DONE = 2;
    /** A timer this late means the process, not Redis, was slow. */
    private static final long LAG_TOLERANCE_MILLIS = 100;
    private static final int MAX_EXTENSIONS = 4;

    private final Redis redis;
    private final Vertx vertx;
    private final Duration commandTimeout;
    private final Duration poolWait;
    private final StoreCircuitBreaker breaker;
    private final Timer poolWaits;
    private final Counter saturated;
    private final Counter outages;
    private final Counter lagExtensions;

    RedisDispatcher(Redis redis, Vertx vertx, Duration commandTimeout, Duration poolWait,
            StoreCircuitBreaker breaker, MeterRegistry registry) {
        this.redis = redis;
        this.vertx = vertx;
        this.commandTimeout = commandTimeout;
        this.poolWait = poolWait;
        this.breaker = breaker;
        this.poolWaits = Timer.builder("gateway.store.pool.wait")
                .description("Time Redis commands waited for a pooled connection")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.saturated = Counter.builder("gateway.store.saturated")
                .description("Redis commands shed because no connection was free within the pool wait timeout")
                .register(registry);
        this.outages = Counter.builder("gateway.store.failures")
                .description("Redis commands that timed out or lost their connection (counted by the breaker)")
                .register(registry);
        this.lagExtensions = Counter.builder("gateway.store.timeouts.deferred")
                .description("Command timeouts given another period because the timer itself fired late (this "
                        + "process was starved, so the delay says nothing about Redis)")
                .register(registry);
        Gauge.builder("gateway.store.breaker.state", breaker, b -> b.state().ordinal())
                .description("Redis circuit breaker: 0 closed, 1 open, 2 half-open").register(registry);
    }

    StoreCircuitBreaker breaker() {
        return breaker;
    }

    Uni<Response> send(Request request) {
        return dispatch(connection -> connection.send(request));
    }

    /** Several commands written together on one connection (one round trip); they must share a hash slot. */
    Uni<List<Response>> batch(List<Request> requests) {
        return dispatch(connection -> connection.batch(requests));
    }

    private <T> Uni<T> dispatch(Function<RedisConnection, Future<T>> command) {
        return Uni.createFrom().emitter(emitter -> {
            if (!breaker.tryAcquire()) {
                emitter.fail(new StoreUnavailableException(breaker.retryAfter(), null));
                return;
            }
            new Attempt<>(emitter, command).start();
        });
    }

    /** One command's life: waiting for a connection, then sending, then done, with one timer per phase. */
    private final class Attempt<T> {
        final UniEmitter<? super T> emitter;
        final Function<RedisConnection, Future<T>> command;
        final AtomicInteger phase = new AtomicInteger(WAITING);
        final long startedNanos = System.nanoTime();
        final long[] commandTimer = { -1 };

        Attempt(UniEmitter<? super T> emitter, Function<RedisConnection, Future<T>> command) {
            this.emitter = emitter;
            this.command = command;
        }

        void start() {
            long waitTimer = vertx.setTimer(poolWait.toMillis(), id -> {
                if (phase.compareAndSet(WAITING, DONE)) {
                    saturated.increment();
                    breaker.onCancel();
                    emitter.fail(new StoreSaturatedException(Duration.ofSeconds(1)));
                }
            });
            emitter.onTermination(() -> {
                // Cancelled by the caller while waiting: the connection, when it comes, goes straight back.
                if (phase.compareAndSet(WAITING, DONE)) {
                    breaker.onCancel();
                }
            });
            redis.connect().onComplete(connected -> {
                vertx.cancelTimer(waitTimer);
                if (connected.failed()) {
                    if (phase.compareAndSet(WAITING, DONE)) {
                        fail(connected.cause());
                    }
                    return;
                }
                RedisConnection connection = connected.result();
                if (!phase.compareAndSet(WAITING, SENDING)) {
                    connection.close();
                    return;
                }
                poolWaits.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
                send(connection);
            });
        }

        void send(RedisConnection connection) {
            synchronized (commandTimer) {
                commandTimer[0] = armCommandTimer(0);
            }
            Future<T> reply;
            try {
                reply = command.apply(connection);
            } catch (RuntimeException e) {
                reply = Future.failedFuture(e);
            }
            // The connection stays checked out until Redis answers, even after a timeout, so a late reply can
            // never be read as the answer to the next command on that connection.
            reply.onComplete(answered -> {
                connection.close();
                synchronized (commandTimer) {
                    vertx.cancelTimer(commandTimer[0]);
                }
                if (!phase.compareAndSet(SENDING, DONE)) {
                    return;
                }
                if (answered.succeeded()) {
                    breaker.onSuccess();
                    emitter.complete(answered.result());
                } else {
                    fail(answered.cause());
                }
            });
        }

        /**
         * Arms the command timeout. A timer that fires much later than asked means this process could not run
         * (its event loops were busy with local work), so the time elapsed says nothing about Redis: the command
         * gets its timeout again, a few times, before it counts as a Redis failure.
         */
        private long armCommandTimer(int extensions) {
            long expectedAt = System.nanoTime() + commandTimeout.toNanos();
            return vertx.setTimer(commandTimeout.toMillis(), id -> {
                long lateMillis = (System.nanoTime() - expectedAt) / 1_000_000;
                if (lateMillis > LAG_TOLERANCE_MILLIS && extensions < MAX_EXTENSIONS && phase.get() == SENDING) {
                    lagExtensions.increment();
                    synchronized (commandTimer) {
                        if (phase.get() == SENDING) {
                            commandTimer[0] = armCommandTimer(extensions + 1);
                        }
                    }
                    return;
                }
                if (phase.compareAndSet(SENDING, DONE)) {
                    // The command may still run on Redis; callers that must know reconcile (see docs).
                    fail(new StoreTimeoutException());
                }
            });
        }

        void fail(Throwable cause) {
            if (RedisReplies.isErrorReply(cause)) {
                breaker.onSuccess(); // Redis answered: it is up; the command itself was refused.
                emitter.fail(cause);
                return;
            }
            breaker.onFailure();
            outages.increment();
            emitter.fail(new StoreUnavailableException(breaker.retryAfter(), cause));
        }
    }

    /** A command that got no answer within the command timeout. */
    static final class StoreTimeoutException extends RuntimeException {
        StoreTimeoutException() {
            super("Redis command timed out", null, false, false);
        }
    }
}
