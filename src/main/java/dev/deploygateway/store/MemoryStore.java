package dev.deploygateway.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * The single-instance backend. One lock around the {@link MemoryKeyspace} serialises every command, like
 * Redis's single command thread, so scripts are atomic too. Time comes from the injected {@link Clock}, which
 * tests replace to walk across window edges.
 */
public final class MemoryStore implements SharedStore {

    private final MemoryKeyspace keyspace;

    public MemoryStore(Clock clock) {
        this.keyspace = new MemoryKeyspace(clock);
    }

    @Override
    public StoreKind kind() {
        return StoreKind.MEMORY;
    }

    /** Deletes expired keys; called periodically ({@code gateway.store.memory-sweep-interval}). */
    public int sweep() {
        return locked(keyspace::sweep);
    }

    @Override
    public Uni<Void> ping() {
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Long> timeMillis() {
        return call(keyspace::now);
    }

    @Override
    public Uni<Optional<String>> get(String key) {
        return call(() -> keyspace.read(key, String.class));
    }

    @Override
    public Uni<Void> set(String key, String value, Optional<Duration> ttl) {
        return call(() -> {
            keyspace.putString(key, value, ttl.map(t -> keyspace.now() + t.toMillis()).orElse(0L));
            return null;
        });
    }

    @Override
    public Uni<Boolean> setIfAbsent(String key, String value, Duration ttl) {
        return call(() -> {
            if (keyspace.exists(key)) {
                return false;
            }
            keyspace.putString(key, value, keyspace.now() + ttl.toMillis());
            return true;
        });
    }

    @Override
    public Uni<Boolean> deleteIfEquals(String key, String expected) {
        return call(() -> keyspace.read(key, String.class).filter(expected::equals).isPresent()
                && keyspace.remove(key));
    }

    @Override
    public Uni<Long> increment(String key) {
        return call(() -> {
            String current = keyspace.read(key, String.class).orElse("0");
            long next;
            try {
                next = Math.addExact(Long.parseLong(current), 1);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new IllegalStateException("ERR value is not an integer or out of range");
            }
            // INCR keeps the TTL: the seed's fallback lost it here and locked users out forever.
            keyspace.replaceKeepingTtl(key, Long.toString(next));
            return next;
        });
    }

    @Override
    public Uni<Boolean> expire(String key, Duration ttl) {
        return call(() -> keyspace.expire(key, ttl.toMillis()));
    }

    @Override
    public Uni<Long> ttlMillis(String key) {
        return call(() -> keyspace.ttl(key));
    }

    @Override
    public Uni<Long> delete(String... keys) {
        return call(() -> Arrays.stream(keys).filter(keyspace::remove).count());
    }

    @Override
    public Uni<Void> hashPut(String key, Map<String, String> fields) {
        return call(() -> {
            keyspace.hashOrCreate(key).putAll(fields);
            return null;
        });
    }

    @Override
    public Uni<Map<String, String>> hashGetAll(String key) {
        return call(() -> keyspace.hash(key).<Map<String, String>>map(LinkedHashMap::new).orElse(Map.of()));
    }

    @Override
    public Uni<List<Map<String, String>>> hashGetAll(List<String> keys) {
        return call(() -> keys.stream().map(key -> keyspace.hash(key)
                .<Map<String, String>>map(LinkedHashMap::new).orElse(Map.of())).toList());
    }

    @Override
    public Uni<Boolean> sortedAdd(String key, double score, String member, boolean onlyIfAbsent) {
        return call(() -> keyspace.readOrCreate(key, MemorySortedSet.class, MemorySortedSet::new)
                .add(member, score, onlyIfAbsent));
    }

    @Override
    public Uni<Long> sortedRemove(String key, String... members) {
        return call(() -> keyspace.read(key, MemorySortedSet.class).map(z -> {
            long removed = Arrays.stream(members).filter(z::remove).count();
            keyspace.removeIfEmpty(key, z.isEmpty());
            return removed;
        }).orElse(0L));
    }

    @Override
    public Uni<List<ScoredMember>> sortedRangeByScore(String key, double min, double max, int limit) {
        return call(() -> keyspace.read(key, MemorySortedSet.class).map(z -> z.rangeByScore(min, max, limit))
                .orElse(List.of()));
    }

    @Override
    public Uni<List<ScoredMember>> sortedRangeByScoreDescending(String key, double max, double min, int limit) {
        return call(() -> keyspace.read(key, MemorySortedSet.class)
                .map(z -> z.rangeByScoreDescending(max, min, limit)).orElse(List.of()));
    }

    @Override
    public Uni<Long> sortedRemoveRangeByScore(String key, double min, double max) {
        return call(() -> keyspace.read(key, MemorySortedSet.class).map(z -> {
            long removed = z.removeRangeByScore(min, max);
            keyspace.removeIfEmpty(key, z.isEmpty());
            return removed;
        }).orElse(0L));
    }

    @Override
    public Uni<Long> sortedSize(String key) {
        return call(() -> keyspace.read(key, MemorySortedSet.class).map(z -> (long) z.size()).orElse(0L));
    }

    @Override
    public Uni<String> streamAppend(String key, Map<String, String> fields, long maxLength) {
        return call(() -> keyspace.readOrCreate(key, MemoryStream.class, MemoryStream::new)
                .append(fields, maxLength, keyspace.now()));
    }

    @Override
    public Uni<List<StreamEntry>> streamRead(String key, String afterId, int count) {
        return call(() -> keyspace.read(key, MemoryStream.class).map(s -> s.readAfter(afterId, count))
                .orElse(List.of()));
    }

    @Override
    public Uni<ScriptReply> run(StoreScript script, List<String> keys, List<String> args) {
        return call(() -> script.memory().run(keyspace, keys, args));
    }

    /** Runs one command under the lock; the Uni is lazy like a Redis call, and fails like a Redis error. */
    private <T> Uni<T> call(Supplier<T> command) {
        return Uni.createFrom().item(() -> locked(command));
    }

    private <T> T locked(Supplier<T> command) {
        synchronized (keyspace) {
            return command.get();
        }
    }
}
