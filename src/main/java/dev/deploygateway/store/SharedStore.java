package dev.deploygateway.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.mutiny.Uni;

/**
 * The state every instance shares. Two backends implement it with the same observable semantics (those of
 * Redis): {@link RedisStore} and {@link MemoryStore}. Every operation is non-blocking. On the Redis backend an
 * operation fails with {@link StoreUnavailableException} when Redis does not answer within the command timeout
 * or the circuit breaker is open; each caller decides what that means for its use (see
 * {@code docs/rate-limiting-and-store.md}).
 *
 * <p>Keys of one user or deployment should be built with {@link StoreKeys} so they share a hash slot.
 */
public interface SharedStore {

    /** Which backend this is; {@link StoreKind#MEMORY} means this instance is the only one. */
    StoreKind kind();

    /** Round trip to the backend; fails when it is unavailable. */
    Uni<Void> ping();

    /** The backend's clock in epoch milliseconds ({@code TIME} on Redis), shared by all instances. */
    Uni<Long> timeMillis();

    // ---- values -------------------------------------------------------------------------------------------

    Uni<Optional<String>> get(String key);

    /** {@code SET key value [PX ttl]}: replaces value and TTL; an empty ttl means no expiry. */
    Uni<Void> set(String key, String value, Optional<Duration> ttl);

    /** {@code SET key value NX PX ttl}: true when the key did not exist and now holds value (locks, leases). */
    Uni<Boolean> setIfAbsent(String key, String value, Duration ttl);

    /** Deletes key only while it still holds expected (releasing a lock or lease one owns). */
    Uni<Boolean> deleteIfEquals(String key, String expected);

    /** {@code INCR}: creates the key at 0 first; keeps any TTL the key has. */
    Uni<Long> increment(String key);

    /** {@code PEXPIRE}: false when the key does not exist. */
    Uni<Boolean> expire(String key, Duration ttl);

    /** {@code PTTL}: remaining milliseconds, -1 when the key has no expiry, -2 when it does not exist. */
    Uni<Long> ttlMillis(String key);

    /** {@code DEL}: how many of the keys existed. */
    Uni<Long> delete(String... keys);

    // ---- hashes -------------------------------------------------------------------------------------------

    /** {@code HSET key f v ...}: keeps the key's TTL. */
    Uni<Void> hashPut(String key, Map<String, String> fields);

    /** {@code HGETALL}: empty when the key does not exist. */
    Uni<Map<String, String>> hashGetAll(String key);

    /**
     * {@code HGETALL} of several keys in one round trip (pipelined on one connection), in the order given; the
     * keys must share a hash slot. An absent key gives an empty map.
     */
    Uni<List<Map<String, String>>> hashGetAll(List<String> keys);

    // ---- sorted sets --------------------------------------------------------------------------------------

    /** {@code ZADD key [NX] score member}: true when the member was added (not merely re-scored). */
    Uni<Boolean> sortedAdd(String key, double score, String member, boolean onlyIfAbsent);

    /** {@code ZREM}: how many members were removed. */
    Uni<Long> sortedRemove(String key, String... members);

    /** {@code ZRANGEBYSCORE key min max WITHSCORES LIMIT 0 limit}: both bounds inclusive, ascending. */
    Uni<List<ScoredMember>> sortedRangeByScore(String key, double min, double max, int limit);

    /** {@code ZREVRANGEBYSCORE key max min WITHSCORES LIMIT 0 limit}: both bounds inclusive, descending. */
    Uni<List<ScoredMember>> sortedRangeByScoreDescending(String key, double max, double min, int limit);

    /** {@code ZREMRANGEBYSCORE key min max}: both bounds inclusive. */
    Uni<Long> sortedRemoveRangeByScore(String key, double min, double max);

    /** {@code ZCARD}. */
    Uni<Long> sortedSize(String key);

    // ---- streams ------------------------------------------------------------------------------------------

    /** {@code XADD key MAXLEN maxLength * f v ...}: returns the new entry's id. */
    Uni<String> streamAppend(String key, Map<String, String> fields, long maxLength);

    /**
     * Entries strictly after {@code afterId} in id order ({@code XRANGE key (afterId + COUNT count}); pass
     * {@code "0-0"} to read from the beginning. Non-blocking, like {@code XREAD} without {@code BLOCK}.
     */
    Uni<List<StreamEntry>> streamRead(String key, String afterId, int count);

    // ---- scripts ------------------------------------------------------------------------------------------

    /**
     * Runs a script atomically: its Lua on Redis ({@code EVALSHA}, with {@code EVAL} when the node answers
     * {@code NOSCRIPT}), its Java twin on the memory backend. Keys must share a hash slot.
     */
    Uni<ScriptReply> run(StoreScript script, List<String> keys, List<String> args);
}
