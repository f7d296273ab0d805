package dev.deploygateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store contract on memory, plus expiry with an injected clock (lazy and periodic). */
class MemoryStoreTest extends SharedStoreContract {

    TestClock clock;
    MemoryStore store;

    @BeforeEach
    void setUp() {
        clock = new TestClock(Instant.now());
        store = new MemoryStore(clock);
    }

    @Override
    SharedStore store() {
        return store;
    }

    @Test
    void aKeyExpiresExactlyAtItsTtl() {
        await(store.set("k", "v", Optional.of(Duration.ofSeconds(10))));
        clock.advance(Duration.ofSeconds(10).minusMillis(1));
        assertThat(await(store.get("k"))).contains("v");
        assertThat(await(store.ttlMillis("k"))).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(await(store.get("k"))).isEmpty();
        assertThat(await(store.ttlMillis("k"))).isEqualTo(-2);
    }

    @Test
    void aCounterPastItsTtlStartsAgainFromOne() {
        // The seed's fallback lost the TTL on INCR, so counters never expired and users stayed locked out.
        await(store.increment("c"));
        await(store.expire("c", Duration.ofSeconds(60)));
        await(store.increment("c"));
        clock.advance(Duration.ofSeconds(60));
        assertThat(await(store.increment("c"))).isEqualTo(1);
        assertThat(await(store.ttlMillis("c"))).isEqualTo(-1);
    }

    @Test
    void theSweepDeletesExpiredKeysNobodyReads() {
        await(store.set("a", "1", Optional.of(Duration.ofSeconds(1))));
        await(store.set("b", "2", Optional.empty()));
        clock.advance(Duration.ofSeconds(2));

        assertThat(store.sweep()).isEqualTo(1);
        assertThat(store.sweep()).isZero();
        assertThat(await(store.get("b"))).contains("2");
    }

    @Test
    void aLockExpiresSoAnotherOwnerCanTakeIt() {
        assertThat(await(store.setIfAbsent("lock", "a", Duration.ofSeconds(30)))).isTrue();
        clock.advance(Duration.ofSeconds(30));
        assertThat(await(store.setIfAbsent("lock", "b", Duration.ofSeconds(30)))).isTrue();
    }

    @Test
    void streamIdsStayIncreasingWhenTheClockDoesNotMove() {
        String first = await(store.streamAppend("s", Map.of("n", "1"), 10));
        String second = await(store.streamAppend("s", Map.of("n", "2"), 10));
        clock.advance(Duration.ofSeconds(-5));
        String third = await(store.streamAppend("s", Map.of("n", "3"), 10));

        long ms = clock.millis() + 5_000;
        assertThat(first).isEqualTo(ms + "-0");
        assertThat(second).isEqualTo(ms + "-1");
        assertThat(third).isEqualTo(ms + "-2");
    }

    @Test
    void incrementOfANonIntegerFailsLikeRedis() {
        await(store.set("s", "abc", Optional.empty()));
        assertThatThrownBy(() -> await(store.increment("s"))).hasMessageContaining("not an integer");
    }
}
