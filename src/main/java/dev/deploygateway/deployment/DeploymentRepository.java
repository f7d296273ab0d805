package dev.deploygateway.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.store.ScoredMember;
import dev.deploygateway.store.ScriptReply;
import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.StoreKeys;
import io.smallrye.mutiny.Uni;

/**
 * Deployment records in the shared store, all under the owner's hash tag: the record
 * ({@code {user:<id>}:deployment:<dep>:record}, a hash kept for the retention period), the owner's history index
 * ({@code {user:<id>}:deployments}, by creation time) and idempotency bindings; plus the one cluster-wide key,
 * the set of running deployments scored by deadline that the monitors sweep.
 */
@ApplicationScoped
public class DeploymentRepository {

    static final String ACTIVE = "deployments:active";
    private static final int HISTORY_PAGE = 50;

    private final SharedStore store;
    private final DeploymentRecordCodec codec;
    private final DeploymentConfig config;
    private final DeploymentRateLimiter limiter;

    DeploymentRepository(SharedStore store, DeploymentRecordCodec codec, DeploymentConfig config,
            DeploymentRateLimiter limiter) {
        this.store = store;
        this.codec = codec;
        this.config = config;
        this.limiter = limiter;
    }

    static String historyKey(String userId) {
        return StoreKeys.user(userId, "deployments");
    }

    static String idempotencyKey(String userId, String key) {
        return StoreKeys.user(userId, "idempotency:" + key);
    }

    /**
     * Admits and creates {@code record} in one atomic step, with its lease ({@code leaseValue}) and, when given,
     * its idempotency binding. The reply is {@link CreationScripts#CREATE}'s.
     */
    Uni<ScriptReply> create(DeploymentRecord record, String leaseValue, Optional<String> idempotencyKey,
            String requestDigest) {
        DeploymentRef ref = record.ref();
        List<String> args = new ArrayList<>(List.of(record.id(), Long.toString(limiter.window().toMillis()),
                Integer.toString(limiter.limit()), leaseValue, Long.toString(config.leaseTtl().toMillis()),
                Long.toString(config.retention().toMillis()),
                Long.toString(idempotencyKey.isPresent() ? config.idempotencyTtl().toMillis() : 0),
                codec.write(new IdempotencyBinding(record.id(), requestDigest)),
                Long.toString(record.createdAt().toEpochMilli())));
        codec.fields(record).forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        return store.run(CreationScripts.CREATE, creationKeys(ref, idempotencyKey), args);
    }

    /**
     * After a creation whose answer was lost: {@code settle} keeps it if it happened (reply "created") and
     * otherwise makes sure it never will ("revoked"); {@code revoke} undoes it either way.
     */
    Uni<String> settle(DeploymentRef ref, String leaseValue, Optional<String> idempotencyKey, String requestDigest,
            String mode) {
        List<String> keys = new ArrayList<>(creationKeys(ref, idempotencyKey));
        keys.add(ref.eventsKey());
        return store.run(CreationScripts.SETTLE_OR_REVOKE, keys, List.of(ref.id(), leaseValue,
                Long.toString(config.idempotencyTtl().toMillis()),
                codec.write(new IdempotencyBinding(ref.id(), requestDigest)), mode))
                .map(ScriptReply::outcome);
    }

    private List<String> creationKeys(DeploymentRef ref, Optional<String> idempotencyKey) {
        // Without a key the script still needs a key name on the user's slot; it is never read or written.
        String idempotency = idempotencyKey(ref.userId(), idempotencyKey.orElse(""));
        return List.of(ref.recordKey(), ref.leaseKey(), DeploymentRateLimiter.key(ref.userId()),
                historyKey(ref.userId()), idempotency, ref.revokedKey());
    }

    /** What an idempotency key is bound to, if anything. */
    Uni<Optional<IdempotencyBinding>> binding(String userId, String key) {
        return store.get(idempotencyKey(userId, key)).map(v -> v.map(this::readBinding));
    }

    IdempotencyBinding readBinding(String stored) {
        return codec.read(stored, IdempotencyBinding.class);
    }

    /** Puts the deployment in the cluster-wide set the monitors sweep (before it exists: see the monitor). */
    Uni<Void> markActive(DeploymentRef ref, long deadlineMillis) {
        return store.sortedAdd(ACTIVE, deadlineMillis, ref.activeMember(), false).replaceWithVoid();
    }

    Uni<Void> deactivate(DeploymentRef ref) {
        return removeActive(ref.activeMember());
    }

    Uni<Void> removeActive(String member) {
        return store.sortedRemove(ACTIVE, member).replaceWithVoid();
    }

    /** Running deployments, earliest deadline first, with their deadlines. */
    Uni<List<ScoredMember>> active(int limit) {
        return store.sortedRangeByScore(ACTIVE, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, limit);
    }

    Uni<Optional<DeploymentRecord>> find(DeploymentRef ref) {
        return store.hashGetAll(ref.recordKey()).map(codec::record);
    }

    /** The record when {@code userId} owns it; empty for missing and foreign ids alike. */
    public Uni<Optional<DeploymentRecord>> findOwned(String userId, String id) {
        if (!DeploymentIds.isWellFormed(id)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return find(new DeploymentRef(userId, id));
    }

    /** A viewer asks the owner to stop; a field of its own, so it never races the owner's writes. */
    Uni<Void> requestCancel(DeploymentRef ref) {
        return store.hashPut(ref.recordKey(), codec.cancelRequest());
    }

    /**
     * A page of the owner's history, newest first, created strictly before {@code before} (epoch millis; the
     * cursor), filtered. Reads the index a page at a time and the records of a page in one round trip, until
     * {@code limit} records matched or the index is exhausted.
     */
    Uni<List<DeploymentRecord>> history(String userId, long before, int limit, HistoryFilter filter) {
        return historyFrom(userId, before - 1, limit, filter, new ArrayList<>());
    }

    private Uni<List<DeploymentRecord>> historyFrom(String userId, double max, int limit, HistoryFilter filter,
            List<DeploymentRecord> found) {
        return store.sortedRangeByScoreDescending(historyKey(userId), max, Double.NEGATIVE_INFINITY, HISTORY_PAGE)
                .chain(page -> {
                    if (page.isEmpty()) {
                        return Uni.createFrom().item(found);
                    }
                    List<String> keys = page.stream()
                            .map(m -> new DeploymentRef(userId, m.member()).recordKey()).toList();
                    return store.hashGetAll(keys).chain(records -> {
                        for (Map<String, String> fields : records) {
                            codec.record(fields).filter(filter::matches).ifPresent(r -> {
                                if (found.size() < limit) {
                                    found.add(r);
                                }
                            });
                        }
                        double last = page.get(page.size() - 1).score();
                        // The next index page starts below the last creation millisecond read, like the API's
                        // cursor: deployments created in one millisecond are read together.
                        return found.size() >= limit || page.size() < HISTORY_PAGE ? Uni.createFrom().item(found)
                                : historyFrom(userId, last - 1, limit, filter, found);
                    });
                });
    }

    /** History filters; empty means any. */
    record HistoryFilter(Optional<String> platform, Optional<String> status) {
        boolean matches(DeploymentRecord r) {
            return platform.map(p -> p.equalsIgnoreCase(r.platformKey())).orElse(true)
                    && status.map(s -> s.equalsIgnoreCase(r.status().name())).orElse(true);
        }
    }
}
