package dev.deploygateway.ratelimit;

import java.util.Optional;

import dev.deploygateway.store.MemoryKeyspace;
import dev.deploygateway.store.MemorySortedSet;

/**
 * The sliding-window log decision, as a Lua fragment that scripts embed and its Java twin for the memory
 * backend. A user's log is a sorted set: member = deployment id, score = admission time in epoch ms from the
 * store's clock ({@code TIME} on Redis, so instances never disagree about "now").
 *
 * <p>Steps: drop entries with score &lt;= now - window (an entry admitted at t counts for exactly
 * [t, t + window)); when admitting, a member already present is admitted again without counting (a retry), any
 * other member is added with score now only while fewer than limit entries remain, and the key's TTL becomes the
 * window. The same code decides a standalone admission ({@link DeploymentRateLimiter}) and the admission inside
 * a deployment's creation script, so both are exact in the same way.
 */
public final class SlidingWindow {

    private SlidingWindow() {
    }

    /**
     * Lua functions {@code server_now()} (epoch ms from {@code TIME}) and
     * {@code sliding_window(key, member, window, limit, now, admit)} returning
     * {@code admitted, duplicate, count, oldest} (oldest score or -1). Prepend to a script that calls them.
     */
    public static final String LUA_FUNCTIONS = """
            local function server_now()
              local t = redis.call('TIME')
              return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            end
            local function sliding_window(key, member, window, limit, now, admit)
              redis.call('ZREMRANGEBYSCORE', key, '-inf', string.format('%.0f', now - window))
              local admitted, duplicate = 0, 0
              if admit then
                if redis.call('ZSCORE', key, member) then
                  admitted, duplicate = 1, 1
                elseif redis.call('ZCARD', key) < limit then
                  redis.call('ZADD', key, string.format('%.0f', now), member)
                  redis.call('PEXPIRE', key, window)
                  admitted = 1
                end
              end
              local count = redis.call('ZCARD', key)
              local oldest = -1
              if count > 0 then
                oldest = tonumber(redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')[2])
              end
              return admitted, duplicate, count, oldest
            end
            """;

    /** The outcome of one decision: what the Lua fragment returns, plus the clock it used. */
    public record Window(boolean admitted, boolean duplicate, long count, long oldest, long now) {
    }

    /** The Java twin of {@code sliding_window}, run while the memory backend holds its lock. */
    public static Window apply(MemoryKeyspace keyspace, String key, String member, long window, long limit,
            boolean admit) {
        long now = keyspace.now();
        keyspace.read(key, MemorySortedSet.class).ifPresent(log -> {
            log.removeRangeByScore(Double.NEGATIVE_INFINITY, now - window);
            keyspace.removeIfEmpty(key, log.isEmpty());
        });
        boolean admitted = false;
        boolean duplicate = false;
        if (admit) {
            MemorySortedSet log = keyspace.readOrCreate(key, MemorySortedSet.class, MemorySortedSet::new);
            if (log.score(member).isPresent()) {
                admitted = true;
                duplicate = true;
            } else if (log.size() < limit) {
                log.add(member, now, true);
                keyspace.expire(key, window);
                admitted = true;
            }
            keyspace.removeIfEmpty(key, log.isEmpty());
        }
        Optional<MemorySortedSet> log = keyspace.read(key, MemorySortedSet.class);
        long count = log.map(MemorySortedSet::size).orElse(0);
        long oldest = log.flatMap(MemorySortedSet::first).map(m -> (long) m.score()).orElse(-1L);
        return new Window(admitted, duplicate, count, oldest, now);
    }
}
