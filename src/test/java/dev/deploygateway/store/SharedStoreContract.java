package dev.deploygateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/** Redis semantics the gateway relies on, run against both backends. */
abstract class SharedStoreContract {

    String prefix;

    abstract SharedStore store();

    @BeforeEach
    void uniquePrefix() {
        prefix = StoreKeys.user("t-" + UUID.randomUUID(), "");
    }

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void ttlFollowsRedisConventionsForMissingOrPersistentKeys() {
        assertThat(await(store().ttlMillis(prefix + "missing"))).isEqualTo(-2);
        await(store().set(prefix + "plain", "v", Optional.empty()));
        assertThat(await(store().ttlMillis(prefix + "plain"))).isEqualTo(-1);
    }

    @Test
    void incrementKeepsTheKeysTtl() {
        String key = prefix + "counter";
        assertThat(await(store().increment(key))).isEqualTo(1);
        await(store().expire(key, Duration.ofMinutes(10)));
        assertThat(await(store().increment(key))).isEqualTo(2);
        assertThat(await(store().increment(key))).isEqualTo(3);

        assertThat(await(store().ttlMillis(key))).isBetween(Duration.ofMinutes(9).toMillis(),
                Duration.ofMinutes(10).toMillis());
    }

    @Test
    void expireOnAMissingKeyReportsFalse() {
        assertThat(await(store().expire(prefix + "nothing", Duration.ofSeconds(5)))).isFalse();
    }

    @Test
    void setWithTtlStoresAnExpiringValue() {
        String key = prefix + "state";
        await(store().set(key, "abc", Optional.of(Duration.ofMinutes(10))));
        assertThat(await(store().get(key))).contains("abc");
        assertThat(await(store().ttlMillis(key))).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10).toMillis());
        assertThat(await(store().get(prefix + "other"))).isEmpty();
    }

    @Test
    void aSetIfAbsentLockIsTakenOnceUntilItsOwnerReleasesIt() {
        String lock = prefix + "lock";
        assertThat(await(store().setIfAbsent(lock, "owner-a", Duration.ofSeconds(30)))).isTrue();
        assertThat(await(store().setIfAbsent(lock, "owner-b", Duration.ofSeconds(30)))).isFalse();
        assertThat(await(store().ttlMillis(lock))).isPositive();

        assertThat(await(store().deleteIfEquals(lock, "owner-b"))).isFalse();
        assertThat(await(store().get(lock))).contains("owner-a");
        assertThat(await(store().deleteIfEquals(lock, "owner-a"))).isTrue();
        assertThat(await(store().setIfAbsent(lock, "owner-b", Duration.ofSeconds(30)))).isTrue();
    }

    @Test
    void deleteCountsTheKeysThatExisted() {
        await(store().set(prefix + "a", "1", Optional.empty()));
        assertThat(await(store().delete(prefix + "a", prefix + "b"))).isEqualTo(1);
        assertThat(await(store().get(prefix + "a"))).isEmpty();
    }

    @Test
    void hashesReadBackWholeOneByOneOrInBatches() {
        String key = prefix + "conn";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("platform", "vercel");
        fields.put("token", "v1:iv:tag:ct");
        await(store().hashPut(key, fields));
        await(store().hashPut(key, Map.of("status", "connected")));

        assertThat(await(store().hashGetAll(key))).containsOnly(Map.entry("platform", "vercel"),
                Map.entry("token", "v1:iv:tag:ct"), Map.entry("status", "connected"));
        assertThat(await(store().hashGetAll(prefix + "missing"))).isEmpty();
        assertThat(await(store().hashGetAll(List.of(prefix + "missing", key))))
                .containsExactly(Map.of(),
                        Map.of("platform", "vercel", "token", "v1:iv:tag:ct", "status", "connected"));
    }

    @Test
    void sortedSetRangesAreInclusiveInScoreThenMemberOrder() {
        String key = prefix + "z";
        await(store().sortedAdd(key, 20, "b", false));
        await(store().sortedAdd(key, 10, "x", false));
        await(store().sortedAdd(key, 20, "a", false));
        await(store().sortedAdd(key, 30, "c", false));

        assertThat(await(store().sortedRangeByScore(key, 10, 20, 10))).containsExactly(
                new ScoredMember("x", 10), new ScoredMember("a", 20), new ScoredMember("b", 20));
        assertThat(await(store().sortedRangeByScore(key, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 2)))
                .extracting(ScoredMember::member).containsExactly("x", "a");
        assertThat(await(store().sortedRemoveRangeByScore(key, 20, 30))).isEqualTo(3);
        assertThat(await(store().sortedSize(key))).isEqualTo(1);
    }

    @Test
    void sortedAddOnlyIfAbsentKeepsTheOriginalScore() {
        String key = prefix + "z";
        assertThat(await(store().sortedAdd(key, 1, "m", true))).isTrue();
        assertThat(await(store().sortedAdd(key, 5, "m", true))).isFalse();
        assertThat(await(store().sortedRangeByScore(key, 0, 10, 10))).containsExactly(new ScoredMember("m", 1));
        assertThat(await(store().sortedAdd(key, 5, "m", false))).isFalse();
        assertThat(await(store().sortedRangeByScore(key, 0, 10, 10))).containsExactly(new ScoredMember("m", 5));
    }

    @Test
    void removingTheLastMemberRemovesTheKey() {
        String key = prefix + "z";
        await(store().sortedAdd(key, 1, "m", false));
        assertThat(await(store().sortedRemove(key, "m", "absent"))).isEqualTo(1);
        assertThat(await(store().ttlMillis(key))).isEqualTo(-2);
    }

    @Test
    void aTrimmedStreamReadsFromTheStartOrAfterAnId() {
        String key = StoreKeys.deployment("u-" + UUID.randomUUID(), "dep_1", "events");
        String first = await(store().streamAppend(key, Map.of("kind", "status", "n", "1"), 3));
        String second = await(store().streamAppend(key, Map.of("kind", "log", "n", "2"), 3));
        await(store().streamAppend(key, Map.of("n", "3"), 3));
        await(store().streamAppend(key, Map.of("n", "4"), 3));

        assertThat(second).isNotEqualTo(first);
        List<StreamEntry> all = await(store().streamRead(key, "0-0", 100));
        assertThat(all).extracting(e -> e.fields().get("n")).containsExactly("2", "3", "4");
        assertThat(await(store().streamRead(key, second, 100))).extracting(e -> e.fields().get("n"))
                .containsExactly("3", "4");
        assertThat(await(store().streamRead(key, second, 1))).hasSize(1);
        assertThat(await(store().streamRead(prefix + "none", "0-0", 10))).isEmpty();
    }

    @Test
    void timeIsEpochMilliseconds() {
        long now = await(store().timeMillis());
        assertThat(now).isBetween(System.currentTimeMillis() - 60_000, System.currentTimeMillis() + 60_000);
    }
}
