package dev.deploygateway.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.deploygateway.config.StoreConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * The Redis backend. Commands go through the {@link RedisDispatcher} (pool wait and command timeout bounded
 * apart, circuit breaker); an outage surfaces as {@link StoreUnavailableException}, a saturated instance as
 * {@link StoreSaturatedException}, while an error reply from Redis (a bug, not an outage) surfaces as itself.
 * Works unchanged on standalone, Sentinel and Cluster clients: every multi-key command and script keeps its keys
 * on one hash slot, and scripts are sent as {@code EVALSHA} with {@code EVAL} as the fallback on
 * {@code NOSCRIPT}, which loads the script on exactly the node that owns the key.
 */
public final class RedisStore implements SharedStore {

    private final RedisDispatcher redis;
    /** SHA-1 of each script by name, computed once (a script's source never changes while running). */
    private final Map<String, String> shas = new ConcurrentHashMap<>();

    RedisStore(RedisDispatcher redis) {
        this.redis = redis;
    }

    /**
     * The store over a Vert.x Redis client (standalone, Sentinel or Cluster) with the timeouts and breaker of
     * {@code config}; metrics go to {@code registry}.
     */
    public static RedisStore over(Redis client, Vertx vertx, StoreConfig config, MeterRegistry registry) {
        StoreCircuitBreaker breaker = new StoreCircuitBreaker(config.breakerFailureThreshold(),
                config.breakerOpenDuration(), Clock.systemUTC());
        return new RedisStore(new RedisDispatcher(client, vertx, config.commandTimeout(), config.poolWaitTimeout(),
                breaker, registry));
    }

    @Override
    public StoreKind kind() {
        return StoreKind.REDIS;
    }

    public StoreCircuitBreaker breaker() {
        return redis.breaker();
    }

    @Override
    public Uni<Void> ping() {
        return command(Command.PING).replaceWithVoid();
    }

    @Override
    public Uni<Long> timeMillis() {
        return command(Command.TIME).map(r -> r.get(0).toLong() * 1000 + r.get(1).toLong() / 1000);
    }

    @Override
    public Uni<Optional<String>> get(String key) {
        return command(Command.GET, key).map(r -> Optional.ofNullable(r).map(Response::toString));
    }

    @Override
    public Uni<Void> set(String key, String value, Optional<Duration> ttl) {
        return ttl.map(t -> command(Command.SET, key, value, "PX", Long.toString(t.toMillis())))
                .orElseGet(() -> command(Command.SET, key, value)).replaceWithVoid();
    }

    @Override
    public Uni<Boolean> setIfAbsent(String key, String value, Duration ttl) {
        return command(Command.SET, key, value, "NX", "PX", Long.toString(ttl.toMillis())).map(r -> r != null);
    }

    @Override
    public Uni<Boolean> deleteIfEquals(String key, String expected) {
        return run(StoreScripts.DELETE_IF_EQUALS, List.of(key), List.of(expected)).map(r -> r.number(0) == 1);
    }

    @Override
    public Uni<Long> increment(String key) {
        return command(Command.INCR, key).map(Response::toLong);
    }

    @Override
    public Uni<Boolean> expire(String key, Duration ttl) {
        return command(Command.PEXPIRE, key, Long.toString(ttl.toMillis())).map(r -> r.toLong() == 1);
    }

    @Override
    public Uni<Long> ttlMillis(String key) {
        return command(Command.PTTL, key).map(Response::toLong);
    }

    @Override
    public Uni<Long> delete(String... keys) {
        return command(Command.DEL, keys).map(Response::toLong);
    }

    @Override
    public Uni<Void> hashPut(String key, Map<String, String> fields) {
        List<String> args = new ArrayList<>(List.of(key));
        fields.forEach((f, v) -> {
            args.add(f);
            args.add(v);
        });
        return command(Command.HSET, args.toArray(String[]::new)).replaceWithVoid();
    }

    @Override
    public Uni<Map<String, String>> hashGetAll(String key) {
        return command(Command.HGETALL, key).map(RedisReplies::hash);
    }

    @Override
    public Uni<List<Map<String, String>>> hashGetAll(List<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Request> requests = keys.stream().map(k -> Request.cmd(Command.HGETALL).arg(k)).toList();
        return redis.batch(requests).map(replies -> replies.stream().map(RedisReplies::hash).toList());
    }

    @Override
    public Uni<Boolean> sortedAdd(String key, double score, String member, boolean onlyIfAbsent) {
        Uni<Response> reply = onlyIfAbsent
                ? command(Command.ZADD, key, "NX", RedisReplies.score(score), member)
                : command(Command.ZADD, key, RedisReplies.score(score), member);
        return reply.map(r -> r.toLong() == 1);
    }

    @Override
    public Uni<Long> sortedRemove(String key, String... members) {
        return command(Command.ZREM, prepend(key, members)).map(Response::toLong);
    }

    @Override
    public Uni<List<ScoredMember>> sortedRangeByScore(String key, double min, double max, int limit) {
        return command(Command.ZRANGEBYSCORE, key, RedisReplies.score(min), RedisReplies.score(max), "WITHSCORES",
                "LIMIT", "0", Integer.toString(limit)).map(RedisReplies::scoredMembers);
    }

    @Override
    public Uni<List<ScoredMember>> sortedRangeByScoreDescending(String key, double max, double min, int limit) {
        return command(Command.ZREVRANGEBYSCORE, key, RedisReplies.score(max), RedisReplies.score(min),
                "WITHSCORES", "LIMIT", "0", Integer.toString(limit)).map(RedisReplies::scoredMembers);
    }

    @Override
    public Uni<Long> sortedRemoveRangeByScore(String key, double min, double max) {
        return command(Command.ZREMRANGEBYSCORE, key, RedisReplies.score(min), RedisReplies.score(max))
                .map(Response::toLong);
    }

    @Override
    public Uni<Long> sortedSize(String key) {
        return command(Command.ZCARD, key).map(Response::toLong);
    }

    @Override
    public Uni<String> streamAppend(String key, Map<String, String> fields, long maxLength) {
        List<String> args = new ArrayList<>(List.of(key, "MAXLEN", Long.toString(maxLength), "*"));
        fields.forEach((f, v) -> {
            args.add(f);
            args.add(v);
        });
        return command(Command.XADD, args.toArray(String[]::new)).map(Response::toString);
    }

    @Override
    public Uni<List<StreamEntry>> streamRead(String key, String afterId, int count) {
        return command(Command.XRANGE, key, "(" + afterId, "+", "COUNT", Integer.toString(count))
                .map(RedisReplies::streamEntries);
    }

    @Override
    public Uni<ScriptReply> run(StoreScript script, List<String> keys, List<String> args) {
        return eval(Command.EVALSHA, shas.computeIfAbsent(script.name(), n -> script.sha1()), keys, args)
                .onFailure(RedisStore::isNoScript)
                // This node has not seen the script (restart, failover, another cluster node): EVAL sends the
                // source to the node that owns the key, which caches it for the next EVALSHA.
                .recoverWithUni(() -> eval(Command.EVAL, script.lua(), keys, args))
                .map(RedisReplies::scriptReply);
    }

    private Uni<Response> eval(Command how, String script, List<String> keys, List<String> args) {
        List<String> argv = new ArrayList<>(List.of(script, Integer.toString(keys.size())));
        argv.addAll(keys);
        argv.addAll(args);
        return command(how, argv.toArray(String[]::new));
    }

    private Uni<Response> command(Command command, String... args) {
        Request request = Request.cmd(command);
        for (String arg : args) {
            request.arg(arg);
        }
        return redis.send(request);
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
