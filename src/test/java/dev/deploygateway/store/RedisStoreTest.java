package dev.deploygateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.vertx.mutiny.core.Vertx;

/** The store contract on a real redis-server, plus timeout, breaker and error-reply behaviour. */
class RedisStoreTest extends SharedStoreContract {

    Vertx vertx;
    RedisStore store;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @BeforeEach
    void connect() {
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
    void anUnreachableRedisOpensTheBreakerAfterFiveUnavailableCommands() {
        REDIS.server().stopServer();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> await(store.get("k"))).isInstanceOf(StoreUnavailableException.class)
                    .isNotInstanceOf(StoreSaturatedException.class);
        }
        assertThat(store.breaker().state()).isEqualTo(StoreCircuitBreaker.State.OPEN);
        // Open: the next command fails without trying Redis (no cause from a connection attempt).
        assertThatThrownBy(() -> await(store.get("k"))).isInstanceOf(StoreUnavailableException.class)
                .hasNoCause();
    }

    @Test
    void aHungRedisFailsCommandsByTimeoutUntilItRecovers() {
        var admin = RedisClients.dataSource(vertx, REDIS.url());
        await(admin.execute("CLIENT", "PAUSE", "1500"));
        try {
            assertThatThrownBy(() -> await(store.get("k"))).isInstanceOf(StoreUnavailableException.class)
                    .hasCauseInstanceOf(RedisDispatcher.StoreTimeoutException.class);
        } finally {
            await(admin.execute("CLIENT", "UNPAUSE"));
        }
        assertThat(await(store.get("k"))).isEmpty();
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
