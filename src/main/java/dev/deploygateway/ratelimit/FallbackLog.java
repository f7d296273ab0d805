package dev.deploygateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.deploygateway.store.MemoryStore;
import dev.deploygateway.store.ScoredMember;
import dev.deploygateway.store.SharedStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * This instance's log while Redis is unreachable (fail-open). It runs the same sliding-window algorithm on a
 * private memory store, caps the admissions it grants during one outage at {@code maxPerOutage} across all
 * users, remembers refunds, and replays both into Redis on recovery: refunds first ({@code ZREM}), then the
 * admissions with their original timestamps ({@code ZADD NX}), so the rolling window after the outage counts
 * them.
 */
final class FallbackLog {

    private final MemoryStore local;
    private final int maxPerOutage;
    private final AtomicInteger grantedThisOutage = new AtomicInteger();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<String>> pendingRefunds = new ConcurrentHashMap<>();

    FallbackLog(Clock clock, int maxPerOutage) {
        this.local = new MemoryStore(clock);
        this.maxPerOutage = maxPerOutage;
    }

    /**
     * Runs the admission locally; empty when the per-outage cap is reached. The cap is reserved before the
     * script runs so concurrent callers cannot overshoot it.
     */
    Uni<Optional<List<Long>>> admit(String key, String member, Duration window, int limit) {
        if (grantedThisOutage.incrementAndGet() > maxPerOutage) {
            grantedThisOutage.decrementAndGet();
            return Uni.createFrom().item(Optional.empty());
        }
        return run(key, SlidingWindowScript.ADMIT, member, window, limit).map(r -> {
            // Registered after the entry exists, so a concurrent replay that empties the key re-checks it.
            keys.add(key);
            boolean newlyAdmitted = r.get(0) == 1 && r.get(4) == 0;
            if (!newlyAdmitted) {
                grantedThisOutage.decrementAndGet();
            }
            return Optional.of(r);
        });
    }

    Uni<List<Long>> peek(String key, Duration window, int limit) {
        return run(key, SlidingWindowScript.PEEK, "", window, limit);
    }

    /** Removes a local admission and remembers to remove it from Redis too on recovery. */
    Uni<Boolean> refund(String key, String member) {
        pendingRefunds.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(member);
        return local.sortedRemove(key, member).map(n -> true);
    }

    boolean hasPending() {
        return !keys.isEmpty() || !pendingRefunds.isEmpty();
    }

    int grantedThisOutage() {
        return grantedThisOutage.get();
    }

    /**
     * Replays pending refunds and admissions into the shared store, one user at a time; an entry leaves this
     * log only once Redis has it. Admissions older than the window are dropped, not replayed. Returns how many
     * admissions were written. When nothing is left pending, the outage is over and the cap starts afresh.
     */
    Uni<Integer> replayInto(SharedStore shared, Duration window) {
        List<Uni<Integer>> steps = new ArrayList<>();
        for (Map.Entry<String, Set<String>> refund : pendingRefunds.entrySet()) {
            List<String> members = List.copyOf(refund.getValue());
            steps.add(shared.sortedRemove(refund.getKey(), members.toArray(String[]::new))
                    .invoke(() -> refund.getValue().removeAll(members))
                    .invoke(() -> pendingRefunds.computeIfPresent(refund.getKey(),
                            (k, v) -> v.isEmpty() ? null : v))
                    .replaceWith(0));
        }
        for (String key : List.copyOf(keys)) {
            steps.add(replayKey(shared, key, window));
        }
        return Multi.createFrom().iterable(steps).onItem().transformToUniAndConcatenate(u -> u)
                .collect().asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum())
                .invoke(() -> {
                    if (!hasPending()) {
                        grantedThisOutage.set(0);
                    }
                });
    }

    private Uni<Integer> replayKey(SharedStore shared, String key, Duration window) {
        return local.timeMillis().chain(now -> local
                .sortedRangeByScore(key, now - window.toMillis() + 1, Double.POSITIVE_INFINITY, Integer.MAX_VALUE)
                .chain(entries -> Multi.createFrom().iterable(entries)
                        .onItem().transformToUniAndConcatenate(e -> replayEntry(shared, key, e))
                        .collect().asList()
                        .chain(added -> entries.isEmpty() ? Uni.createFrom().item(added)
                                : shared.expire(key, window).replaceWith(added))
                        .chain(added -> forget(key, now - window.toMillis(), added).replaceWith(added.size()))));
    }

    /** Drops what Redis now holds (and what aged out) from the local log, keeping entries added meanwhile. */
    private Uni<Void> forget(String key, long cutoff, List<ScoredMember> replayed) {
        String[] members = replayed.stream().map(ScoredMember::member).toArray(String[]::new);
        Uni<Long> removed = members.length == 0 ? Uni.createFrom().item(0L) : local.sortedRemove(key, members);
        return removed.chain(n -> local.sortedRemoveRangeByScore(key, Double.NEGATIVE_INFINITY, cutoff))
                .invoke(() -> keys.remove(key))
                .chain(n -> local.sortedSize(key))
                .invoke(left -> {
                    if (left > 0) {
                        keys.add(key);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<ScoredMember> replayEntry(SharedStore shared, String key, ScoredMember entry) {
        // NX: a retry that Redis already counted keeps its original score and is not counted twice.
        return shared.sortedAdd(key, entry.score(), entry.member(), true).replaceWith(entry);
    }

    private Uni<List<Long>> run(String key, String mode, String member, Duration window, int limit) {
        return local.run(SlidingWindowScript.SCRIPT, List.of(key),
                List.of(mode, member, Long.toString(window.toMillis()), Integer.toString(limit)));
    }
}
