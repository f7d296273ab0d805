package dev.deploygateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.deploygateway.store.MemoryStore;
import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.TestClock;

/** The limiter contract on the memory backend, plus exact window edges with an injected clock. */
class MemoryDeploymentRateLimiterTest extends DeploymentRateLimiterContract {

    TestClock clock;
    MemoryStore store;

    @BeforeEach
    void setUpStore() {
        clock = new TestClock(Instant.parse("2026-01-01T10:00:00Z"));
        store = new MemoryStore(clock);
    }

    @Override
    SharedStore store() {
        return store;
    }

    @Override
    SharedStore secondInstanceStore() {
        return store;
    }

    @Test
    void oneMillisecondBeforeTheWindowEdgeIsRefusedWithOneMillisecondToWait() {
        DeploymentRateLimiter limiter = limiter(store);
        Instant t0 = clock.instant();
        IntStream.rangeClosed(1, LIMIT).forEach(i -> await(limiter.admit(user, "dpl_" + i)));

        clock.set(t0.plus(WINDOW).minusMillis(1));
        RateLimitDecision refused = await(limiter.admit(user, "dpl_over"));

        assertThat(refused.admitted()).isFalse();
        assertThat(refused.quota().retryAfter()).isEqualTo(Duration.ofMillis(1));
        assertThat(refused.quota().retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.quota().reset()).isEqualTo(t0.plus(WINDOW));
    }

    @Test
    void exactlyAtTheWindowEdgeTheOldestAdmissionNoLongerCounts() {
        DeploymentRateLimiter limiter = limiter(store);
        Instant t0 = clock.instant();
        IntStream.rangeClosed(1, LIMIT).forEach(i -> await(limiter.admit(user, "dpl_" + i)));

        clock.set(t0.plus(WINDOW));
        assertThat(await(limiter.admit(user, "dpl_at_edge")).admitted()).isTrue();
    }

    @Test
    void oneMillisecondAfterTheEdgeEveryOldAdmissionHasLeft() {
        DeploymentRateLimiter limiter = limiter(store);
        Instant t0 = clock.instant();
        IntStream.rangeClosed(1, LIMIT).forEach(i -> await(limiter.admit(user, "dpl_" + i)));

        clock.set(t0.plus(WINDOW).plusMillis(1));
        RateLimitDecision d = await(limiter.admit(user, "dpl_next"));

        assertThat(d.admitted()).isTrue();
        assertThat(d.quota().remaining()).isEqualTo(LIMIT - 1);
    }

    @Test
    void aRollingWindowCountsStaggeredAdmissionsIndividually() {
        DeploymentRateLimiter limiter = limiter(store);
        Instant t0 = clock.instant();
        for (int i = 0; i < LIMIT; i++) {
            clock.set(t0.plus(Duration.ofMinutes(5L * i)));
            assertThat(await(limiter.admit(user, "dpl_" + i)).admitted()).isTrue();
        }
        // Not a fixed window: 5 min after the first one left, exactly one slot is free, not ten.
        clock.set(t0.plus(WINDOW).plusMillis(1));
        assertThat(await(limiter.admit(user, "dpl_a")).admitted()).isTrue();
        RateLimitDecision refused = await(limiter.admit(user, "dpl_b"));
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.quota().retryAfter()).isEqualTo(Duration.ofMinutes(5).minusMillis(1));
    }
}
