package dev.deploygateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.deploygateway.config.RateLimitConfig;
import dev.deploygateway.config.RateLimitConfig.RedisDownPolicy;
import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.StoreKeys;
import dev.deploygateway.store.StoreKind;
import dev.deploygateway.store.StoreUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * At most {@code MAX_DEPLOYMENTS_PER_HOUR} admitted deployments per user in any rolling window, exactly,
 * across all instances: a sliding-window log per user ({@code {user:<id>}:ratelimit:deploy}, member =
 * deployment id, score = Redis {@code TIME} in ms) decided by one atomic script. When Redis is unreachable the
 * configured policy applies: fail-open on this instance's {@link FallbackLog} (bounded, replayed on recovery)
 * or fail-closed with 503.
 */
@Startup // so its metrics exist on /q/metrics before the first deployment
@ApplicationScoped
public class DeploymentRateLimiter {

    private static final Logger LOG = Logger.getLogger(DeploymentRateLimiter.class);
    private static final Duration REPLAY_INTERVAL = Duration.ofSeconds(1);

    private final SharedStore store;
    private final RateLimitConfig config;
    private final FallbackLog fallback;
    private final Vertx vertx;
    private final Counter fallbackAdmissions;
    private final Counter replayedAdmissions;
    private final Counter refusedUnavailable;
    private Uni<Integer> replayInFlight;
    private long replayTimer = -1;

    @Inject
    public DeploymentRateLimiter(SharedStore store, RateLimitConfig config, MeterRegistry registry, Vertx vertx) {
        this(store, config, registry, vertx, Clock.systemUTC());
    }

    /** With the clock the fallback log uses (tests). */
    public DeploymentRateLimiter(SharedStore store, RateLimitConfig config, MeterRegistry registry, Vertx vertx,
            Clock fallbackClock) {
        this.store = store;
        this.config = config;
        this.vertx = vertx;
        this.fallback = new FallbackLog(fallbackClock, config.fallbackMaxPerInstance());
        this.fallbackAdmissions = Counter.builder("gateway.ratelimit.fallback.admissions")
                .description("Deployments admitted on this instance's fallback log while Redis was unreachable")
                .register(registry);
        this.replayedAdmissions = Counter.builder("gateway.ratelimit.fallback.replayed")
                .description("Fallback admissions written back into Redis after an outage")
                .register(registry);
        this.refusedUnavailable = Counter.builder("gateway.ratelimit.store.unavailable")
                .description("Admissions answered 503 because Redis was unreachable (fail-closed or cap reached)")
                .register(registry);
    }

    /** The user's log key; one hash slot per user. */
    public static String key(String userId) {
        return StoreKeys.user(userId, "ratelimit:deploy");
    }

    /** Admits or refuses one deployment; the same deployment id admitted again is a retry, counted once. */
    public Uni<RateLimitDecision> admit(String userId, String deploymentId) {
        requireId(userId, "userId");
        requireId(deploymentId, "deploymentId");
        String key = key(userId);
        Uni<RateLimitDecision> shared = afterReplay(() -> runShared(key, SlidingWindowScript.ADMIT, deploymentId))
                .map(r -> decision(r, false));
        return onOutage(shared, () -> fallback.admit(key, deploymentId, config.window(), config.maxPerWindow())
                .map(r -> r.orElseThrow(() -> {
                    refusedUnavailable.increment();
                    LOG.warnf("Rate limiter fallback cap of %d admissions reached during a Redis outage",
                            config.fallbackMaxPerInstance());
                    return new StoreUnavailableException(REPLAY_INTERVAL, null);
                }))
                .map(r -> decision(r, true))
                .invoke(d -> {
                    if (d.admitted() && !d.duplicate()) {
                        fallbackAdmissions.increment();
                        scheduleReplay();
                    }
                }));
    }

    /** Admits, or fails with {@link RateLimitedException} (429) carrying the quota; returns the quota after. */
    public Uni<Quota> admitOrFail(String userId, String deploymentId) {
        return admit(userId, deploymentId).map(d -> {
            if (!d.admitted()) {
                throw new RateLimitedException(d.quota());
            }
            return d.quota();
        });
    }

    /** Gives the slot back (e.g. the deployment was rejected before any platform call). True if it was held. */
    public Uni<Boolean> refund(String userId, String deploymentId) {
        requireId(userId, "userId");
        requireId(deploymentId, "deploymentId");
        String key = key(userId);
        return onOutage(afterReplay(() -> store.sortedRemove(key, deploymentId)).map(n -> n > 0),
                () -> fallback.refund(key, deploymentId).invoke(this::scheduleReplay));
    }

    /** The user's quota now, without admitting anything. */
    public Uni<Quota> info(String userId) {
        requireId(userId, "userId");
        String key = key(userId);
        return onOutage(afterReplay(() -> runShared(key, SlidingWindowScript.PEEK, "")).map(r -> quota(r)),
                () -> fallback.peek(key, config.window(), config.maxPerWindow()).map(this::quota));
    }

    /** Operator action: forget the user's log. Needs the shared store (503 while Redis is down). */
    public Uni<Void> reset(String userId) {
        requireId(userId, "userId");
        return store.delete(key(userId)).replaceWithVoid();
    }

    /** Writes fallback admissions and refunds into Redis now; normally driven by a 1 s timer and by admits. */
    public synchronized Uni<Integer> replayFallback() {
        if (replayInFlight == null) {
            replayInFlight = fallback.replayInto(store, config.window())
                    .invoke(n -> {
                        if (n > 0) {
                            LOG.infof("Replayed %d fallback rate-limit admissions into Redis", n);
                        }
                        replayedAdmissions.increment(n);
                    })
                    .onTermination().invoke(this::replayDone)
                    .memoize().indefinitely();
        }
        return replayInFlight;
    }

    /** How many admissions this instance granted on its fallback log in the current outage. */
    public int fallbackAdmissionsThisOutage() {
        return fallback.grantedThisOutage();
    }

    private synchronized void replayDone() {
        replayInFlight = null;
        if (!fallback.hasPending() && replayTimer >= 0) {
            vertx.cancelTimer(replayTimer);
            replayTimer = -1;
        }
    }

    private synchronized void scheduleReplay() {
        if (replayTimer < 0) {
            replayTimer = vertx.setPeriodic(REPLAY_INTERVAL.toMillis(), id -> replayFallback().subscribe()
                    .with(n -> { }, e -> LOG.debug("Fallback replay deferred: Redis still unavailable")));
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (replayTimer >= 0) {
            vertx.cancelTimer(replayTimer);
        }
    }

    /** Pending fallback entries go into Redis before Redis decides anything, so its window is complete. */
    private <T> Uni<T> afterReplay(Supplier<Uni<T>> sharedCall) {
        if (store.kind() == StoreKind.MEMORY || !fallback.hasPending()) {
            return Uni.createFrom().deferred(sharedCall::get);
        }
        return replayFallback().chain(n -> sharedCall.get());
    }

    private <T> Uni<T> onOutage(Uni<T> shared, Supplier<Uni<T>> failOpen) {
        return shared.onFailure(StoreUnavailableException.class).recoverWithUni(e -> {
            if (config.redisDownPolicy() == RedisDownPolicy.FAIL_CLOSED) {
                refusedUnavailable.increment();
                return Uni.createFrom().failure(e);
            }
            return failOpen.get();
        });
    }

    private Uni<List<Long>> runShared(String key, String mode, String member) {
        return store.run(SlidingWindowScript.SCRIPT, List.of(key), List.of(mode, member,
                Long.toString(config.window().toMillis()), Integer.toString(config.maxPerWindow())));
    }

    private RateLimitDecision decision(List<Long> r, boolean onFallback) {
        return new RateLimitDecision(r.get(0) == 1, r.get(4) == 1, onFallback, quota(r));
    }

    /** From the script's {admitted, count, now, oldest, duplicate}. */
    private Quota quota(List<Long> r) {
        int limit = config.maxPerWindow();
        long count = r.get(1);
        long now = r.get(2);
        long oldest = r.get(3);
        long reset = count == 0 ? now : oldest + config.window().toMillis();
        int remaining = (int) Math.max(0, limit - count);
        Duration retryAfter = remaining > 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, reset - now));
        return new Quota(limit, remaining, config.window(), Instant.ofEpochMilli(reset), retryAfter,
                Instant.ofEpochMilli(now));
    }

    private static void requireId(String id, String name) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
