package dev.deploygateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.deploygateway.config.RateLimitConfig.RedisDownPolicy;
import dev.deploygateway.store.RedisClients;
import dev.deploygateway.store.RedisServerResource;
import dev.deploygateway.store.RedisStore;
import dev.deploygateway.store.ScoredMember;
import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.StoreUnavailableException;
import dev.deploygateway.store.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The limiter contract against a real redis-server through two independent clients, plus what only Redis
 * has: the Lua script's TIME-based edge, the script cache, and outages.
 */
class RedisDeploymentRateLimiterTest extends DeploymentRateLimiterContract {

    RedisStore first;
    RedisStore second;

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
        // Generous timeout here: these tests are about atomicity, not latency, on a busy 2-core machine.
        first = RedisClients.store(vertx, REDIS.url(), Duration.ofSeconds(2));
        second = RedisClients.store(vertx, REDIS.url(), Duration.ofSeconds(2));
    }

    @Override
    SharedStore store() {
        return first;
    }

    @Override
    SharedStore secondInstanceStore() {
        return second;
    }

    @Test
    void theAdmissionScoreIsRedisTimeAndTheEdgeIsExclusive() {
        DeploymentRateLimiter limiter = limiter(first);
        long before = await(first.timeMillis());
        RateLimitDecision d = await(limiter.admit(user, "dpl_1"));
        long after = await(first.timeMillis());

        double score = log(first).get(0).score();
        assertThat((long) score).isEqualTo(d.quota().decidedAt().toEpochMilli()).isBetween(before, after);

        // Fill the log with entries placed one millisecond either side of "now - window" as Redis will see it.
        String key = DeploymentRateLimiter.key(user);
        await(first.delete(key));
        long now = await(first.timeMillis());
        long edge = now - WINDOW.toMillis();
        await(first.sortedAdd(key, edge, "at_edge", false));
        await(first.sortedAdd(key, edge + 1_000, "inside", false));
        IntStream.range(0, LIMIT - 2).forEach(i -> await(first.sortedAdd(key, now, "recent_" + i, false)));

        RateLimitDecision decision = await(limiter.admit(user, "dpl_probe"));
        long scriptNow = decision.quota().decidedAt().toEpochMilli();
        List<String> members = log(first).stream().map(ScoredMember::member).toList();

        // An entry with score <= now - window has left the window; one with a greater score still counts.
        assertThat(members).doesNotContain("at_edge").contains("inside");
        assertThat(decision.admitted()).isTrue();
        RateLimitDecision refused = await(limiter.admit(user, "dpl_probe_2"));
        assertThat(refused.admitted()).isFalse();
        long inside = edge + 1_000;
        assertThat(refused.quota().reset().toEpochMilli()).isEqualTo(inside + WINDOW.toMillis());
        assertThat(refused.quota().retryAfter().toMillis())
                .isEqualTo(inside + WINDOW.toMillis() - refused.quota().decidedAt().toEpochMilli());
        assertThat(scriptNow).isGreaterThanOrEqualTo(now);
    }

    @Test
    void theScriptIsReloadedAfterRedisLosesItsScriptCache() {
        DeploymentRateLimiter limiter = limiter(first);
        await(limiter.admit(user, "dpl_1"));
        await(RedisClients.dataSource(vertx, REDIS.url()).execute("SCRIPT", "FLUSH"));

        assertThat(await(limiter.admit(user, "dpl_2")).admitted()).isTrue();
        assertThat(log(first)).hasSize(2);
    }

    @Test
    void duringAnOutageFailOpenAdmitsOnTheFallbackWithinTheTimeoutAndReplaysOnRecovery() {
        RedisStore fast = RedisClients.store(vertx, REDIS.url());
        DeploymentRateLimiter limiter = limiter(fast);
        await(limiter.admit(user, "dpl_before"));
        REDIS.stopServer();

        long started = System.nanoTime();
        RateLimitDecision during = await(limiter.admit(user, "dpl_during"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(during.admitted()).isTrue();
        assertThat(during.fallback()).isTrue();
        assertThat(took).isLessThan(Duration.ofMillis(1500));
        assertThat(limiter.fallbackAdmissionsThisOutage()).isEqualTo(1);

        REDIS.restartServer();
        awaitReplay(limiter);

        List<ScoredMember> log = log(second);
        assertThat(log).extracting(ScoredMember::member).containsExactly("dpl_during");
        assertThat((long) log.get(0).score()).isEqualTo(during.quota().decidedAt().toEpochMilli());
        assertThat(limiter.fallbackAdmissionsThisOutage()).isZero();
    }

    @Test
    void replayedAdmissionsCountInTheNextRollingWindow() {
        DeploymentRateLimiter limiter = limiter(RedisClients.store(vertx, REDIS.url()));
        REDIS.stopServer();
        IntStream.rangeClosed(1, LIMIT)
                .forEach(i -> assertThat(await(limiter.admit(user, "dpl_" + i)).fallback()).isTrue());
        REDIS.restartServer();
        awaitReplay(limiter);

        DeploymentRateLimiter otherInstance = limiter(second);
        assertThat(await(otherInstance.admit(user, "dpl_other")).admitted()).isFalse();
    }

    @Test
    void theFallbackStopsAtItsPerInstanceCapWith503() {
        var config = new TestRateLimitConfig(LIMIT, WINDOW, RedisDownPolicy.FAIL_OPEN, 3);
        DeploymentRateLimiter limiter = new DeploymentRateLimiter(RedisClients.store(vertx,
                REDIS.url()), config, new SimpleMeterRegistry(), vertx);
        REDIS.stopServer();

        for (int i = 0; i < 3; i++) {
            assertThat(await(limiter.admit("cap-user-" + i, "dpl_" + i)).admitted()).isTrue();
        }
        assertThatThrownBy(() -> await(limiter.admit("cap-user-9", "dpl_9")))
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(((StoreUnavailableException) e).headers()).containsKey("Retry-After"));
    }

    @Test
    void failClosedAnswersStoreUnavailableWithRetryAfter() {
        var config = new TestRateLimitConfig(LIMIT, WINDOW, RedisDownPolicy.FAIL_CLOSED, 1000);
        DeploymentRateLimiter limiter = new DeploymentRateLimiter(RedisClients.store(vertx,
                REDIS.url()), config, new SimpleMeterRegistry(), vertx, new TestClock(Instant.now()));
        REDIS.stopServer();

        assertThatThrownBy(() -> await(limiter.admit(user, "dpl_1")))
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> {
                    StoreUnavailableException s = (StoreUnavailableException) e;
                    assertThat(s.status()).isEqualTo(503);
                    assertThat(Long.parseLong(s.headers().get("Retry-After"))).isPositive();
                });
    }

    private void awaitReplay(DeploymentRateLimiter limiter) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> limiter.replayFallback().onFailure().recoverWithItem(-1).await().atMost(WAIT) >= 0
                        && limiter.fallbackAdmissionsThisOutage() == 0);
    }
}
