package dev.deploygateway.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * The Redis backend, on Quarkus's reactive client. Every command is bounded by the command timeout and goes
 * through the {@link StoreCircuitBreaker}; an outage surfaces as {@link StoreUnavailableException}, while an
 * error reply from Redis (a bug, not an outage) surfaces as itself and does not trip the breaker.
 */
public final class RedisStore implements SharedStore {

    private final ReactiveRedisDataSource redis;
    private final Duration commandTimeout;
    private final StoreCircuitBreaker breaker;
    private final Map<String, String> loadedScripts = new ConcurrentHashMap<>();

    public RedisStore(ReactiveRedisDataSource redis, Duration commandTimeout, StoreCircuitBreaker breaker) {
        this.redis = redis;
        this.commandTimeout = commandTimeout;
        this.breaker = breaker;
    }

    @Override
    public StoreKind kind() {
        return StoreKind.REDIS;
    }

    public StoreCircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public Uni<Void> ping() {
        return command("PING").replaceWithVoid();
    }

    @Override
    public Uni<Long> timeMillis() {
        return command("TIME").map(r -> r.get(0).toLong() * 1000 + r.get(1).toLong() / 1000);
    }

    @Override
    public Uni<Optional<String>> get(String key) {
        return command("GET", key).map(r -> Optional.ofNullable(r).map(Response::toString));
    }

    @Override
    public Uni<Void> set(String key, String value, Optional<Duration> ttl) {
        return ttl.map(t -> command("SET", key, value, "PX", Long.toString(t.toMillis())))
                .orElseGet(() -> command("SET", key, value)).replaceWithVoid();
    }

    @Override
    public Uni<Boolean> setIfAbsent(String key, String value, Duration ttl) {
        return command("SET", key, value, "NX", "PX", Long.toString(ttl.toMillis())).map(r -> r != null);
    }

    @Override
    public Uni<Boolean> deleteIfEquals(String key, String expected) {
        return run(StoreScripts.DELETE_IF_EQUALS, List.of(key), List.of(expected)).map(r -> r.get(0) == 1);
    }

    @Override
    public Uni<Long> increment(String key) {
        return command("INCR", key).map(Response::toLong);
    }

    @Override
    public Uni<Boolean> expire(String key, Duration ttl) {
        return command("PEXPIRE", key, Long.toString(ttl.toMillis())).map(r -> r.toLong() == 1);
    }

    @Override
    public Uni<Long> ttlMillis(String key) {
        return command("PTTL", key).map(Response::toLong);
    }

    @Override
    public Uni<Long> delete(String... keys) {
        return command("DEL", keys).map(Response::toLong);
    }

    @Override
    public Uni<Void> hashPut(String key, Map<String, String> fields) {
        List<String> args = new ArrayList<>(List.of(key));
        fields.forEach((f, v) -> {
            args.add(f);
            args.add(v);
        });
        return command("HSET", args.toArray(String[]::new)).replaceWithVoid();
    }

    @Override
    public Uni<Map<String, String>> hashGetAll(String key) {
        return guarded(() -> redis.hash(String.class).hgetall(key));
    }

    @Override
    public Uni<Long> hashDelete(String key, String... fields) {
        return command("HDEL", prepend(key, fields)).map(Response::toLong);
    }

    @Override
    public Uni<Boolean> sortedAdd(String key, double score, String member, boolean onlyIfAbsent) {
        Uni<Response> reply = onlyIfAbsent ? command("ZADD", key, "NX", RedisReplies.score(score), member)
                : command("ZADD", key, RedisReplies.score(score), member);
        return reply.map(r -> r.toLong() == 1);
    }

    @Override
    public Uni<Long> sortedRemove(String key, String... members) {
        return command("ZREM", prepend(key, members)).map(Response::toLong);
    }

    @Override
    public Uni<List<ScoredMember>> sortedRangeByScore(String key, double min, double max, int limit) {
        return command("ZRANGEBYSCORE", key, RedisReplies.score(min), RedisReplies.score(max), "WITHSCORES",
                "LIMIT", "0", Integer.toString(limit)).map(RedisReplies::scoredMembers);
    }

    @Override
    public Uni<Long> sortedRemoveRangeByScore(String key, double min, double max) {
        return command("ZREMRANGEBYSCORE", key, RedisReplies.score(min), RedisReplies.score(max))
                .map(Response::toLong);
    }

    @Override
    public Uni<Long> sortedSize(String key) {
        return command("ZCARD", key).map(Response::toLong);
    }

    @Override
    public Uni<String> streamAppend(String key, Map<String, String> fields, long maxLength) {
        List<String> args = new ArrayList<>(List.of(key, "MAXLEN", Long.toString(maxLength), "*"));
        fields.forEach((f, v) -> {
            args.add(f);
            args.add(v);
        });
        return command("XADD", args.toArray(String[]::new)).map(Response::toString);
    }

    @Override
    public Uni<List<StreamEntry>> streamRead(String key, String afterId, int count) {
        return command("XRANGE", key, "(" + afterId, "+", "COUNT", Integer.toString(count))
                .map(RedisReplies::streamEntries);
    }

    @Override
    public Uni<List<Long>> run(StoreScript script, List<String> keys, List<String> args) {
        return evalsha(script, keys, args).onFailure(RedisStore::isNoScript).recoverWithUni(e -> {
            // The server lost its script cache (restart, failover, SCRIPT FLUSH): load again, once.
            loadedScripts.remove(script.name());
            return evalsha(script, keys, args);
        });
    }

    private Uni<List<Long>> evalsha(StoreScript script, List<String> keys, List<String> args) {
        String known = loadedScripts.get(script.name());
        Uni<String> sha = known != null ? Uni.createFrom().item(known)
                : command("SCRIPT", "LOAD", script.lua()).map(Response::toString)
                        .invoke(s -> loadedScripts.put(script.name(), s));
        return sha.chain(s -> {
            List<String> argv = new ArrayList<>(List.of(s, Integer.toString(keys.size())));
            argv.addAll(keys);
            argv.addAll(args);
            return command("EVALSHA", argv.toArray(String[]::new));
        }).map(RedisReplies::integers);
    }

    private Uni<Response> command(String name, String... args) {
        return guarded(() -> redis.execute(name, args));
    }

    /** Breaker, timeout and outage mapping around one command; lazy, so each subscription is one attempt. */
    private <T> Uni<T> guarded(Supplier<Uni<T>> command) {
        return Uni.createFrom().deferred(() -> {
            if (!breaker.tryAcquire()) {
                return Uni.createFrom().failure(new StoreUnavailableException(breaker.retryAfter(), null));
            }
            return command.get()
                    .ifNoItem().after(commandTimeout).failWith(TimeoutException::new)
                    .onItem().invoke(breaker::onSuccess)
                    .onCancellation().invoke(breaker::onCancel)
                    .onFailure().transform(e -> {
                        if (RedisReplies.isErrorReply(e)) {
                            breaker.onSuccess(); // Redis answered: it is up.
                            return e;
                        }
                        breaker.onFailure();
                        return new StoreUnavailableException(breaker.retryAfter(), e);
                    });
        });
    }

    private static boolean isNoScript(Throwable e) {
        return RedisReplies.isErrorReply(e) && String.valueOf(e.getMessage()).startsWith("NOSCRIPT");
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
