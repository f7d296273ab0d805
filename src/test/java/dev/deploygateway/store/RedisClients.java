package dev.deploygateway.store;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;

/**
 * Independent Redis clients for plain tests, each with its own connection pool, as separate gateway
 * instances would have.
 */
public final class RedisClients {

    private RedisClients() {
    }

    public static ReactiveRedisDataSource dataSource(Vertx vertx, String url) {
        // A deep wait queue: tests fire hundreds of commands at once, more than the default 24 waiters.
        Redis redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(url).setMaxPoolSize(8)
                .setMaxPoolWaiting(2048));
        return new ReactiveRedisDataSourceImpl(vertx, redis, RedisAPI.api(redis));
    }

    /** A RedisStore like production's: 250 ms command timeout, breaker opening after 5 failures for 1 s. */
    public static RedisStore store(Vertx vertx, String url) {
        return store(vertx, url, Duration.ofMillis(250));
    }

    public static RedisStore store(Vertx vertx, String url, Duration commandTimeout) {
        ReactiveRedisDataSource ds = dataSource(vertx, url);
        // Connect (and negotiate the protocol) before the first timed command, as production's warm-up does.
        ds.execute("PING").onFailure().recoverWithNull().await().atMost(Duration.ofSeconds(5));
        return new RedisStore(new RedisDispatcher(ds.getRedis().getDelegate(), vertx.getDelegate(), commandTimeout,
                Duration.ofSeconds(2), new StoreCircuitBreaker(5, Duration.ofSeconds(1), Clock.systemUTC()),
                new SimpleMeterRegistry()));
    }
}
