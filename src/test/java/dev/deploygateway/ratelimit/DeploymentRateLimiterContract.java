package dev.deploygateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.deploygateway.store.ScoredMember;
import dev.deploygateway.store.SharedStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;

/**
 * The limiter's behaviour, run unchanged against every backend ({@link MemoryDeploymentRateLimiterTest},
 * {@link RedisDeploymentRateLimiterTest}).
 */
abstract class DeploymentRateLimiterContract {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration WAIT = Duration.ofSeconds(10);

    Vertx vertx;
    String user;

    /** The backend under test; a fresh, empty one per test is not required (users are unique). */
    abstract SharedStore store();

    /** A second handle on the same shared state, as another instance would have. */
    abstract SharedStore secondInstanceStore();

    @BeforeEach
    void setUpVertx() {
        vertx = Vertx.vertx();
        user = "u-" + UUID.randomUUID();
    }

    @AfterEach
    void closeVertx() {
        vertx.closeAndAwait();
    }

    DeploymentRateLimiter limiter(SharedStore store) {
        return new DeploymentRateLimiter(store, new TestRateLimitConfig(LIMIT, WINDOW), new SimpleMeterRegistry());
    }

    static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    List<ScoredMember> log(SharedStore store) {
        return await(store.sortedRangeByScore(DeploymentRateLimiter.key(user), Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, 1000));
    }

    @Test
    void admitsUpToTheLimitCountingDownRemaining() {
        DeploymentRateLimiter limiter = limiter(store());
        for (int i = 1; i <= LIMIT; i++) {
            RateLimitDecision d = await(limiter.admit(user, "dpl_" + i));
            assertThat(d.admitted()).isTrue();
            assertThat(d.duplicate()).isFalse();
            assertThat(d.quota().remaining()).isEqualTo(LIMIT - i);
        }
        assertThat(log(store())).hasSize(LIMIT);
    }

    @Test
    void refusesTheNextAdmissionUntilTheOldestLeavesTheWindow() {
        DeploymentRateLimiter limiter = limiter(store());
        IntStream.rangeClosed(1, LIMIT).forEach(i -> await(limiter.admit(user, "dpl_" + i)));

        RateLimitDecision refused = await(limiter.admit(user, "dpl_over"));

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.quota().remaining()).isZero();
        double oldest = log(store()).get(0).score();
        // reset = oldest score + window; retry-after = reset - the script's own clock reading.
        assertThat(refused.quota().reset().toEpochMilli()).isEqualTo((long) oldest + WINDOW.toMillis());
        assertThat(refused.quota().retryAfter())
                .isEqualTo(Duration.between(refused.quota().decidedAt(), refused.quota().reset()));
        assertThat(refused.quota().retryAfter()).isPositive().isLessThanOrEqualTo(WINDOW);
        assertThat(log(store())).extracting(ScoredMember::member).doesNotContain("dpl_over");
    }

    @Test
    void aRetriedDeploymentIdIsAdmittedButCountedOnce() {
        DeploymentRateLimiter limiter = limiter(store());
        RateLimitDecision first = await(limiter.admit(user, "dpl_same"));
        RateLimitDecision retry = await(limiter.admit(user, "dpl_same"));

        assertThat(retry.admitted()).isTrue();
        assertThat(retry.duplicate()).isTrue();
        assertThat(retry.quota().remaining()).isEqualTo(first.quota().remaining()).isEqualTo(LIMIT - 1);
        assertThat(log(store())).hasSize(1);
    }

    @Test
    void aRetryIsStillAdmittedWhenTheQuotaIsFull() {
        DeploymentRateLimiter limiter = limiter(store());
        IntStream.rangeClosed(1, LIMIT).forEach(i -> await(limiter.admit(user, "dpl_" + i)));

        assertThat(await(limiter.admit(user, "dpl_3")).admitted()).isTrue();
    }

    @Test
    void aRefundFreesASlot() {
        DeploymentRateLimiter limiter = limiter(store());
        IntStream.rangeClosed(1, LIMIT).forEach(i -> await(limiter.admit(user, "dpl_" + i)));

        assertThat(await(limiter.refund(user, "dpl_4"))).isTrue();
        assertThat(await(limiter.refund(user, "dpl_4"))).isFalse();

        assertThat(await(limiter.admit(user, "dpl_new")).admitted()).isTrue();
        assertThat(await(limiter.admit(user, "dpl_newer")).admitted()).isFalse();
    }

    @Test
    void infoReportsTheQuotaWithoutAdmitting() {
        DeploymentRateLimiter limiter = limiter(store());
        Quota empty = await(limiter.info(user));
        assertThat(empty.remaining()).isEqualTo(LIMIT);
        assertThat(empty.retryAfter()).isZero();
        assertThat(empty.reset()).isEqualTo(empty.decidedAt());

        await(limiter.admit(user, "dpl_1"));
        Quota one = await(limiter.info(user));
        assertThat(one.remaining()).isEqualTo(LIMIT - 1);
        assertThat(one.reset().toEpochMilli()).isEqualTo((long) log(store()).get(0).score() + WINDOW.toMillis());
        assertThat(log(store())).hasSize(1);
    }

    @Test
    void resetForgetsTheUsersLog() {
        DeploymentRateLimiter limiter = limiter(store());
        IntStream.rangeClosed(1, LIMIT).forEach(i -> await(limiter.admit(user, "dpl_" + i)));

        await(limiter.reset(user));

        assertThat(await(limiter.info(user)).remaining()).isEqualTo(LIMIT);
        assertThat(await(limiter.admit(user, "dpl_after_reset")).admitted()).isTrue();
    }

    @Test
    void theLogKeyIsHashTaggedByUserWithTheWindowAsTtl() {
        await(limiter(store()).admit(user, "dpl_1"));
        String key = DeploymentRateLimiter.key(user);

        assertThat(key).startsWith("{user:" + user + "}");
        assertThat(await(store().ttlMillis(key))).isBetween(WINDOW.toMillis() - 5_000, WINDOW.toMillis());
    }

    @Test
    void fiveHundredConcurrentAdmissionsFromTwoInstancesAdmitExactlyTheLimit() {
        DeploymentRateLimiter a = limiter(store());
        DeploymentRateLimiter b = limiter(secondInstanceStore());
        List<Uni<RateLimitDecision>> calls = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // Subscribed on worker threads so the memory backend sees real thread contention too.
            calls.add((i % 2 == 0 ? a : b).admit(user, "dpl_" + i)
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
        }

        List<RateLimitDecision> decisions = Uni.join().all(calls).andFailFast().await().atMost(Duration.ofSeconds(60));

        assertThat(decisions).filteredOn(RateLimitDecision::admitted).hasSize(LIMIT);
        assertThat(log(store())).hasSize(LIMIT);
    }
}
