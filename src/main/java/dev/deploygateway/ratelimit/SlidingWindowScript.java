package dev.deploygateway.ratelimit;

import java.util.List;

import dev.deploygateway.store.MemoryKeyspace;
import dev.deploygateway.store.MemorySortedSet;
import dev.deploygateway.store.StoreScript;

/**
 * The sliding-window log decision, run atomically by the store: Lua on Redis, the Java twin on memory.
 *
 * <pre>
 * KEYS[1] the user's log (a sorted set: member = deployment id, score = admission time in epoch ms)
 * ARGV[1] "admit" or "peek"   ARGV[2] deployment id   ARGV[3] window ms   ARGV[4] limit
 * returns {admitted 0|1, count in window, now ms, oldest score or -1, duplicate 0|1}
 * </pre>
 *
 * Steps: now = server {@code TIME}; drop entries with score &lt;= now - window (so an entry admitted at t counts
 * for exactly [t, t + window)); for "admit": a member already present is admitted again without counting
 * (client retry), otherwise it is added with score now only if fewer than limit entries remain, and the key's
 * TTL is set to the window. "peek" only reports.
 */
final class SlidingWindowScript {

    private SlidingWindowScript() {
    }

    static final String ADMIT = "admit";
    static final String PEEK = "peek";

    static final String LUA = """
            local key = KEYS[1]
            local window = tonumber(ARGV[3])
            local limit = tonumber(ARGV[4])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('%.0f', now - window))
            local admitted, duplicate = 0, 0
            if ARGV[1] == 'admit' then
              if redis.call('ZSCORE', key, ARGV[2]) then
                admitted, duplicate = 1, 1
              elseif redis.call('ZCARD', key) < limit then
                redis.call('ZADD', key, string.format('%.0f', now), ARGV[2])
                redis.call('PEXPIRE', key, window)
                admitted = 1
              end
            end
            local count = redis.call('ZCARD', key)
            local oldest = -1
            if count > 0 then
              oldest = tonumber(redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')[2])
            end
            return {admitted, count, now, oldest, duplicate}
            """;

    static final StoreScript SCRIPT = new StoreScript("sliding-window-log", LUA, SlidingWindowScript::runInMemory);

    /** The same steps as the Lua, on the memory backend (which holds its lock while this runs). */
    static List<Long> runInMemory(MemoryKeyspace keyspace, List<String> keys, List<String> args) {
        String key = keys.get(0);
        String member = args.get(1);
        long window = Long.parseLong(args.get(2));
        long limit = Long.parseLong(args.get(3));
        long now = keyspace.now();
        keyspace.read(key, MemorySortedSet.class).ifPresent(z -> {
            z.removeRangeByScore(Double.NEGATIVE_INFINITY, now - window);
            keyspace.removeIfEmpty(key, z.isEmpty());
        });
        long admitted = 0;
        long duplicate = 0;
        if (ADMIT.equals(args.get(0))) {
            MemorySortedSet log = keyspace.readOrCreate(key, MemorySortedSet.class, MemorySortedSet::new);
            if (log.score(member).isPresent()) {
                admitted = 1;
                duplicate = 1;
            } else if (log.size() < limit) {
                log.add(member, now, true);
                keyspace.expire(key, window);
                admitted = 1;
            }
            keyspace.removeIfEmpty(key, log.isEmpty());
        }
        var log = keyspace.read(key, MemorySortedSet.class);
        long count = log.map(MemorySortedSet::size).orElse(0);
        long oldest = log.flatMap(MemorySortedSet::first).map(m -> (long) m.score()).orElse(-1L);
        return List.of(admitted, count, now, oldest, duplicate);
    }
}
