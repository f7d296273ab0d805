package dev.deploygateway.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.deploygateway.ratelimit.SlidingWindow;
import dev.deploygateway.store.MemoryKeyspace;
import dev.deploygateway.store.MemorySortedSet;
import dev.deploygateway.store.ScriptReply;
import dev.deploygateway.store.StoreScript;

/**
 * Creating a deployment is one atomic step on the owner's hash slot: refuse if revoked; answer the deployment
 * already bound to the idempotency key; admit through the sliding window (the rate limiter's own fragment);
 * then write the record, claim the lease (generation 1), index it in the history and bind the key. So a slot is
 * taken exactly when a deployment exists, and concurrent requests with one key get one deployment.
 *
 * <pre>
 * KEYS  1 record  2 lease  3 rate-limit log  4 history  5 idempotency key  6 revoked marker  (7 events: settle)
 * CREATE ARGV 1 id  2 window ms  3 limit  4 lease value  5 lease ttl ms  6 retention ms  7 idempotency ttl ms
 *             (0: no key)  8 idempotency value  9 created ms  10.. record field pairs
 *   → {"created", count, now, oldest} | {"refused", count, now, oldest} | {"duplicate", bound value} | {"revoked"}
 * SETTLE ARGV 1 id  2 lease value  3 marker ttl ms  4 idempotency value  5 "settle" | "revoke"
 *   → {"created"} (settle, and the creation happened) | {"revoked"} (it did not and now never will, or it was undone)
 * </pre>
 */
final class CreationScripts {

    private CreationScripts() {
    }

    static final String CREATED = "created";
    static final String REFUSED = "refused";
    static final String DUPLICATE = "duplicate";
    static final String REVOKED = "revoked";
    static final String SETTLE = "settle";
    static final String REVOKE = "revoke";

    static final StoreScript CREATE = new StoreScript("deployment-create", SlidingWindow.LUA_FUNCTIONS + """
            if redis.call('EXISTS', KEYS[6]) == 1 then
              return {'revoked'}
            end
            local idempotent = tonumber(ARGV[7]) > 0
            if idempotent then
              local bound = redis.call('GET', KEYS[5])
              if bound then
                return {'duplicate', bound}
              end
            end
            local now = server_now()
            local admitted, duplicate, count, oldest = sliding_window(KEYS[3], ARGV[1], tonumber(ARGV[2]),
              tonumber(ARGV[3]), now, true)
            if admitted == 0 then
              return {'refused', count, now, oldest}
            end
            local fields = {}
            for i = 10, #ARGV do
              fields[#fields + 1] = ARGV[i]
            end
            redis.call('HSET', KEYS[1], unpack(fields))
            redis.call('HSET', KEYS[1], 'generation', '1')
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
            redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[5])
            redis.call('ZADD', KEYS[4], ARGV[9], ARGV[1])
            redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf',
              string.format('%.0f', tonumber(ARGV[9]) - tonumber(ARGV[6])))
            redis.call('PEXPIRE', KEYS[4], ARGV[6])
            if idempotent then
              redis.call('SET', KEYS[5], ARGV[8], 'PX', ARGV[7])
            end
            return {'created', count, now, oldest}
            """, CreationScripts::createInMemory);

    static final StoreScript SETTLE_OR_REVOKE = new StoreScript("deployment-settle", """
            local generation = redis.call('HGET', KEYS[1], 'generation')
            local lease = redis.call('GET', KEYS[2])
            local created = generation == '1' and (not lease or lease == ARGV[2])
              and redis.call('HGET', KEYS[1], 'status') == 'PENDING'
            if created and ARGV[5] == 'settle' then
              return {'created'}
            end
            redis.call('SET', KEYS[6], '1', 'PX', ARGV[3])
            if created then
              redis.call('DEL', KEYS[1], KEYS[2], KEYS[7])
              redis.call('ZREM', KEYS[4], ARGV[1])
              redis.call('ZREM', KEYS[3], ARGV[1])
              if redis.call('GET', KEYS[5]) == ARGV[4] then
                redis.call('DEL', KEYS[5])
              end
            end
            return {'revoked'}
            """, CreationScripts::settleInMemory);

    private static ScriptReply createInMemory(MemoryKeyspace keyspace, List<String> keys, List<String> args) {
        if (keyspace.exists(keys.get(5))) {
            return ScriptReply.of(REVOKED);
        }
        long idempotencyTtl = Long.parseLong(args.get(6));
        if (idempotencyTtl > 0) {
            Optional<String> bound = keyspace.string(keys.get(4));
            if (bound.isPresent()) {
                return ScriptReply.of(DUPLICATE, bound.get());
            }
        }
        String id = args.get(0);
        SlidingWindow.Window window = SlidingWindow.apply(keyspace, keys.get(2), id, Long.parseLong(args.get(1)),
                Long.parseLong(args.get(2)), true);
        if (!window.admitted()) {
            return ScriptReply.of(REFUSED, window.count(), window.now(), window.oldest());
        }
        long retention = Long.parseLong(args.get(5));
        Map<String, String> record = keyspace.hashOrCreate(keys.get(0));
        for (int i = 9; i + 1 < args.size(); i += 2) {
            record.put(args.get(i), args.get(i + 1));
        }
        record.put(DeploymentRecordCodec.GENERATION, "1");
        keyspace.expire(keys.get(0), retention);
        keyspace.putString(keys.get(1), args.get(3), keyspace.now() + Long.parseLong(args.get(4)));
        long created = Long.parseLong(args.get(8));
        MemorySortedSet history = keyspace.readOrCreate(keys.get(3), MemorySortedSet.class, MemorySortedSet::new);
        history.add(id, created, false);
        history.removeRangeByScore(Double.NEGATIVE_INFINITY, created - retention);
        keyspace.expire(keys.get(3), retention);
        if (idempotencyTtl > 0) {
            keyspace.putString(keys.get(4), args.get(7), keyspace.now() + idempotencyTtl);
        }
        return ScriptReply.of(CREATED, window.count(), window.now(), window.oldest());
    }

    private static ScriptReply settleInMemory(MemoryKeyspace keyspace, List<String> keys, List<String> args) {
        Optional<Map<String, String>> record = keyspace.hash(keys.get(0));
        Optional<String> lease = keyspace.string(keys.get(1));
        boolean created = record.map(r -> "1".equals(r.get(DeploymentRecordCodec.GENERATION))
                && "PENDING".equals(r.get(DeploymentRecordCodec.STATUS))).orElse(false)
                && lease.map(args.get(1)::equals).orElse(true);
        if (created && SETTLE.equals(args.get(4))) {
            return ScriptReply.of(CREATED);
        }
        keyspace.putString(keys.get(5), "1", keyspace.now() + Long.parseLong(args.get(2)));
        if (created) {
            keyspace.remove(keys.get(0));
            keyspace.remove(keys.get(1));
            keyspace.remove(keys.get(6));
            String id = args.get(0);
            keyspace.sortedSet(keys.get(3)).ifPresent(z -> {
                z.remove(id);
                keyspace.removeIfEmpty(keys.get(3), z.isEmpty());
            });
            keyspace.sortedSet(keys.get(2)).ifPresent(z -> {
                z.remove(id);
                keyspace.removeIfEmpty(keys.get(2), z.isEmpty());
            });
            if (keyspace.string(keys.get(4)).filter(args.get(3)::equals).isPresent()) {
                keyspace.remove(keys.get(4));
            }
        }
        return ScriptReply.of(REVOKED);
    }
}
