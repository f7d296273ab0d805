package dev.deploygateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.mutiny.core.Vertx;

/** The store contract on a real redis-server, plus timeout, breaker and error-reply behaviour. */
class RedisStoreTest extends SharedStoreContract {

    Vertx vertx;
    RedisStore store;

    static final RedisServerResource REDIS = new RedisServerResource();

    @BeforeAll
    static void startRedis() {
        REDIS.startServer();
    }

    @AfterAll
    static void stopRedis() {
        REDIS.stopServer();
    }

    @BeforeEach
    void connect() {
        REDIS.restartServerIfStopped();
        vertx = Vertx.vertx();
        store = RedisClients.store(vertx, REDIS.url());
    }

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Override
    SharedStore store() {
        return store;
    }

    @Test
    void anUnreachableRedisFailsFastAsStoreUnavailableAndOpensTheBreaker() {
        REDIS.stopServer();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> await(store.get("k"))).isInstanceOf(StoreUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        }
        assertThat(store.breaker().state()).isEqualTo(StoreCircuitBreaker.State.OPEN);
    }

    @Test
    void aHungRedisTimesOutAfterTheCommandTimeout() {
        var admin = RedisClients.dataSource(vertx, REDIS.url());
        await(admin.execute("CLIENT", "PAUSE", "1500"));
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> await(store.get("k"))).isInstanceOf(StoreUnavailableException.class);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(240)).isLessThan(Duration.ofMillis(1200));
        } finally {
            await(admin.execute("CLIENT", "UNPAUSE"));
        }
    }

    @Test
    void anErrorReplyIsNotAnOutage() {
        await(store.set(prefix + "s", "abc", Optional.empty()));
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> await(store.increment(prefix + "s")))
                    .isNotInstanceOf(StoreUnavailableException.class);
        }
        assertThat(store.breaker().state()).isEqualTo(StoreCircuitBreaker.State.CLOSED);
    }
}
