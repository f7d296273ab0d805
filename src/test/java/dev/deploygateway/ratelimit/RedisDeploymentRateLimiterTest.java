package dev.deploygateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.deploygateway.store.RedisClients;
import dev.deploygateway.store.RedisServerExtension;
import dev.deploygateway.store.RedisStore;
import dev.deploygateway.store.ScoredMember;
import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.StoreUnavailableException;

/**
 * The limiter contract against a real redis-server through two independent clients, plus what only Redis
 * has: the Lua script's TIME-based edge, the script cache, and outages.
 */
class RedisDeploymentRateLimiterTest extends DeploymentRateLimiterContract {

    RedisStore first;
    RedisStore second;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @BeforeEach
    void connect() {
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
    void admissionScoresUseRedisTimeWithAnExclusiveWindowEdge() {
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
    void duringAnOutageEveryLimiterCallFailsAsStoreUnavailable() {
        DeploymentRateLimiter limiter = limiter(RedisClients.store(vertx, REDIS.url()));
        await(limiter.admit(user, "dpl_before"));
        REDIS.server().stopServer();

        assertThatThrownBy(() -> await(limiter.admit(user, "dpl_during")))
                .isInstanceOf(StoreUnavailableException.class)
                .satisfies(e -> assertThat(((StoreUnavailableException) e).headers()).containsKey("Retry-After"));
        assertThatThrownBy(() -> await(limiter.info(user))).isInstanceOf(StoreUnavailableException.class);

        REDIS.server().restartServer();
        DeploymentRateLimiter afterRestart = limiter(second);
        org.awaitility.Awaitility.await().atMost(WAIT).ignoreExceptions()
                .until(() -> await(afterRestart.info(user)).remaining() == LIMIT);
        assertThat(log(second)).extracting(ScoredMember::member).doesNotContain("dpl_during");
    }

    @Test
    void aNaiveReadThenIncrementLimiterOverAdmitsUnderTheSameLoad() {
        // The contrast that shows the concurrency test above can fail: GET, compare, then INCR is not atomic.
        String key = "{user:" + user + "}:naive";
        List<io.smallrye.mutiny.Uni<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            SharedStore via = i % 2 == 0 ? first : second;
            calls.add(via.get(key).chain(v -> v.map(Long::parseLong).orElse(0L) < LIMIT
                    ? via.increment(key).replaceWith(true) : io.smallrye.mutiny.Uni.createFrom().item(false)));
        }
        long admitted = io.smallrye.mutiny.Uni.join().all(calls).andFailFast().await().atMost(WAIT).stream()
                .filter(Boolean::booleanValue).count();

        assertThat(admitted).isGreaterThan(LIMIT);
    }
}
