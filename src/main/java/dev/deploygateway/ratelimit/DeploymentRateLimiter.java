package dev.deploygateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.config.RateLimitConfig;
import dev.deploygateway.store.ScriptReply;
import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.StoreKeys;
import dev.deploygateway.store.StoreUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * At most {@code MAX_DEPLOYMENTS_PER_HOUR} admitted deployments per user in any rolling window, exactly,
 * across all instances: a sliding-window log per user ({@code {user:<id>}:ratelimit:deploy}, member =
 * deployment id, score = the store's clock) decided atomically by {@link SlidingWindow}. Deployments are
 * admitted inside their creation script (so a slot is taken exactly when a deployment exists); this class owns
 * the window's parameters, the quota view, refunds and the metrics.
 *
 * <p>Outage policy: nothing is ever admitted on a decision Redis did not make. While the store is unreachable,
 * admissions and the quota view fail with {@link StoreUnavailableException} (503 with {@code Retry-After}), so
 * the quota route never reports more than Redis would.
 */
@Startup // so its metrics exist on /q/metrics before the first deployment
@ApplicationScoped
public class DeploymentRateLimiter {

    private final SharedStore store;
    private final RateLimitConfig config;
    private final Counter admitted;
    private final Counter refused;
    private final Counter unavailable;
    private final Counter refunded;

    public DeploymentRateLimiter(SharedStore store, RateLimitConfig config, MeterRegistry registry) {
        this.store = store;
        this.config = config;
        this.admitted = Counter.builder("gateway.ratelimit.admissions")
                .description("Deployments admitted by the rate limiter").register(registry);
        this.refused = Counter.builder("gateway.ratelimit.refusals")
                .description("Deployments refused with 429 because the user's window was full").register(registry);
        this.unavailable = Counter.builder("gateway.ratelimit.store.unavailable")
                .description("Admissions answered 503 because the shared store could not decide").register(registry);
        this.refunded = Counter.builder("gateway.ratelimit.refunds")
                .description("Slots given back (deployments that never reached a platform)").register(registry);
    }

    /** The user's log key; one hash slot per user. */
    public static String key(String userId) {
        return StoreKeys.user(userId, "ratelimit:deploy");
    }

    public int limit() {
        return config.maxPerWindow();
    }

    public Duration window() {
        return config.window();
    }

    /**
     * Admits or refuses {@code member} on its own (the deployment API admits inside its creation script instead);
     * the same member admitted again is a retry, counted once.
     */
    public Uni<RateLimitDecision> admit(String userId, String member) {
        requireId(userId, "userId");
        requireId(member, "member");
        return runShared(key(userId), SlidingWindowScript.ADMIT, member)
                .map(r -> new RateLimitDecision(r.number(0) == 1, r.number(4) == 1,
                        quota(r.number(1), r.number(2), r.number(3))))
                .invoke(d -> record(d.admitted()))
                .onFailure(StoreUnavailableException.class).invoke(() -> unavailable.increment());
    }

    /** Admits, or fails with {@link RateLimitedException} (429) carrying the quota; returns the quota after. */
    public Uni<Quota> admitOrFail(String userId, String member) {
        return admit(userId, member).map(d -> {
            if (!d.admitted()) {
                throw new RateLimitedException(d.quota());
            }
            return d.quota();
        });
    }

    /** Counts a decision made inside another script (the deployment's creation). */
    public void record(boolean wasAdmitted) {
        (wasAdmitted ? admitted : refused).increment();
    }

    /** Counts a decision that could not be made because the store was unreachable. */
    public void recordUnavailable() {
        unavailable.increment();
    }

    /** Gives the slot back (the deployment was rejected before any platform call). True if it was held. */
    public Uni<Boolean> refund(String userId, String member) {
        requireId(userId, "userId");
        requireId(member, "member");
        return store.sortedRemove(key(userId), member).map(n -> n > 0).invoke(held -> {
            if (held) {
                refunded.increment();
            }
        });
    }

    /** The user's quota now, without admitting anything; fails (503) while the store cannot answer. */
    public Uni<Quota> info(String userId) {
        requireId(userId, "userId");
        return runShared(key(userId), SlidingWindowScript.PEEK, "")
                .map(r -> quota(r.number(1), r.number(2), r.number(3)));
    }

    /** Operator action: forget the user's log. */
    public Uni<Void> reset(String userId) {
        requireId(userId, "userId");
        return store.delete(key(userId)).replaceWithVoid();
    }

    /**
     * The quota from a window's state: {@code count} admissions in the window, the store's clock {@code now}, the
     * {@code oldest} admission's time (or -1 when empty).
     */
    public Quota quota(long count, long now, long oldest) {
        int limit = config.maxPerWindow();
        long reset = count == 0 || oldest < 0 ? now : oldest + config.window().toMillis();
        int remaining = (int) Math.max(0, limit - count);
        Duration retryAfter = remaining > 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, reset - now));
        return new Quota(limit, remaining, config.window(), Instant.ofEpochMilli(reset), retryAfter,
                Instant.ofEpochMilli(now));
    }

    private Uni<ScriptReply> runShared(String key, String mode, String member) {
        return store.run(SlidingWindowScript.SCRIPT, List.of(key), List.of(mode, member,
                Long.toString(config.window().toMillis()), Integer.toString(config.maxPerWindow())));
    }

    private static void requireId(String id, String name) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
