package dev.deploygateway.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.store.ScoredMember;
import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.StoreKeys;
import io.smallrye.mutiny.Uni;

/**
 * Deployment records in the shared store: {@code {deployment:<id>}:record} (a hash, kept for the retention
 * period), the owner's history index {@code {user:<id>}:deployments} (a sorted set by creation time) and the
 * cluster-wide set of deployments still running, scored by deadline, that the monitors sweep.
 */
@ApplicationScoped
public class DeploymentRepository {

    static final String ACTIVE = "deployments:active";

    private final SharedStore store;
    private final DeploymentRecordCodec codec;
    private final DeploymentConfig config;

    DeploymentRepository(SharedStore store, DeploymentRecordCodec codec, DeploymentConfig config) {
        this.store = store;
        this.codec = codec;
        this.config = config;
    }

    static String recordKey(String id) {
        return StoreKeys.deployment(id, "record");
    }

    static String historyKey(String userId) {
        return StoreKeys.user(userId, "deployments");
    }

    /** Stores a new record, indexes it for its owner and marks it active. */
    Uni<Void> create(DeploymentRecord record) {
        long created = record.createdAt().toEpochMilli();
        return store.hashPut(recordKey(record.id()), codec.fields(record))
                .chain(() -> store.expire(recordKey(record.id()), config.retention()))
                .chain(() -> store.sortedAdd(historyKey(record.userId()), created, record.id(), true))
                .chain(() -> store.sortedRemoveRangeByScore(historyKey(record.userId()), 0,
                        created - config.retention().toMillis()))
                .chain(() -> store.sortedAdd(ACTIVE, record.deadline().toEpochMilli(), record.id(), false))
                .replaceWithVoid();
    }

    /** The record, whoever owns it (for the monitor). */
    Uni<Optional<DeploymentRecord>> find(String id) {
        return store.hashGetAll(recordKey(id)).map(codec::record);
    }

    /** The record when {@code userId} owns it; empty for missing and foreign ids alike. */
    public Uni<Optional<DeploymentRecord>> findOwned(String userId, String id) {
        if (!DeploymentIds.isWellFormed(id)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return find(id).map(r -> r.filter(rec -> rec.userId().equals(userId)));
    }

    /** Overwrites the given fields only. */
    Uni<Void> update(String id, Map<String, String> fields) {
        return store.hashPut(recordKey(id), fields);
    }

    Uni<Void> deactivate(String id) {
        return store.sortedRemove(ACTIVE, id).replaceWithVoid();
    }

    /** Active deployment ids, earliest deadline first. */
    Uni<List<String>> active(int limit) {
        return store.sortedRangeByScore(ACTIVE, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, limit)
                .map(members -> members.stream().map(ScoredMember::member).toList());
    }

    /**
     * A page of the owner's history, newest first, starting strictly before {@code before} (epoch millis of
     * creation; the cursor), filtered; scans at most a few pages of the index to fill {@code limit}.
     */
    Uni<List<DeploymentRecord>> history(String userId, long before, int limit, HistoryFilter filter) {
        return store.sortedRangeByScore(historyKey(userId), 0, before - 1, Integer.MAX_VALUE)
                .chain(members -> {
                    List<String> ids = new ArrayList<>(members.stream().map(ScoredMember::member).toList());
                    java.util.Collections.reverse(ids);
                    return collect(ids, 0, limit, filter, new ArrayList<>());
                });
    }

    private Uni<List<DeploymentRecord>> collect(List<String> ids, int index, int limit, HistoryFilter filter,
            List<DeploymentRecord> found) {
        if (found.size() >= limit || index >= ids.size()) {
            return Uni.createFrom().item(found);
        }
        return find(ids.get(index)).chain(record -> {
            record.filter(filter::matches).ifPresent(found::add);
            return collect(ids, index + 1, limit, filter, found);
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
