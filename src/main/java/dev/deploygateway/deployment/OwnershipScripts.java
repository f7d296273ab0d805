package dev.deploygateway.deployment;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.deploygateway.store.MemoryKeyspace;
import dev.deploygateway.store.ScriptReply;
import dev.deploygateway.store.StoreScript;

/**
 * The lease of a running deployment and its fencing token. The lease key holds {@code <instance>/<generation>};
 * the record holds the generation, which only a claim raises. Every owner write checks the generation in the
 * same script ({@link JournalScript}), so an owner that was paused or cut off past its lease is refused by the
 * store itself once another instance has claimed the deployment.
 *
 * <pre>
 * KEYS 1 record  2 lease
 * CLAIM ARGV 1 instance id  2 lease ttl ms  3 terminal statuses, comma-separated
 *   → {"claimed", generation} | {"held"} | {"ended"} | {"missing"}
 * RENEW ARGV 1 lease value  2 generation  3 lease ttl ms
 *   → {"renewed"} (still ours, or lapsed and unclaimed: taken back) | {"lost"}
 * </pre>
 */
final class OwnershipScripts {

    private OwnershipScripts() {
    }

    static final String CLAIMED = "claimed";
    static final String HELD = "held";
    static final String ENDED = "ended";
    static final String MISSING = "missing";
    static final String RENEWED = "renewed";
    static final String LOST = "lost";

    static final StoreScript CLAIM = new StoreScript("deployment-claim", """
            if redis.call('EXISTS', KEYS[2]) == 1 then
              return {'held'}
            end
            local status = redis.call('HGET', KEYS[1], 'status')
            if not status then
              return {'missing'}
            end
            if string.find(',' .. ARGV[3] .. ',', ',' .. status .. ',', 1, true) then
              return {'ended'}
            end
            local generation = redis.call('HINCRBY', KEYS[1], 'generation', 1)
            redis.call('SET', KEYS[2], ARGV[1] .. '/' .. generation, 'PX', ARGV[2])
            return {'claimed', generation}
            """, OwnershipScripts::claimInMemory);

    static final StoreScript RENEW = new StoreScript("deployment-renew", """
            local current = redis.call('GET', KEYS[2])
            if current == ARGV[1] then
              redis.call('PEXPIRE', KEYS[2], ARGV[3])
              return {'renewed'}
            end
            if not current and redis.call('HGET', KEYS[1], 'generation') == ARGV[2] then
              redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[3])
              return {'renewed'}
            end
            return {'lost'}
            """, OwnershipScripts::renewInMemory);

    static String leaseValue(String instanceId, long generation) {
        return instanceId + "/" + generation;
    }

    private static ScriptReply claimInMemory(MemoryKeyspace keyspace, List<String> keys, List<String> args) {
        if (keyspace.exists(keys.get(1))) {
            return ScriptReply.of(HELD);
        }
        Optional<Map<String, String>> record = keyspace.hash(keys.get(0));
        String status = record.map(r -> r.get(DeploymentRecordCodec.STATUS)).orElse(null);
        if (status == null) {
            return ScriptReply.of(MISSING);
        }
        if (Arrays.asList(args.get(2).split(",")).contains(status)) {
            return ScriptReply.of(ENDED);
        }
        long generation = Long.parseLong(record.get().getOrDefault(DeploymentRecordCodec.GENERATION, "0")) + 1;
        record.get().put(DeploymentRecordCodec.GENERATION, Long.toString(generation));
        keyspace.putString(keys.get(1), leaseValue(args.get(0), generation),
                keyspace.now() + Long.parseLong(args.get(1)));
        return ScriptReply.of(CLAIMED, generation);
    }

    private static ScriptReply renewInMemory(MemoryKeyspace keyspace, List<String> keys, List<String> args) {
        long ttl = Long.parseLong(args.get(2));
        Optional<String> current = keyspace.string(keys.get(1));
        if (current.filter(args.get(0)::equals).isPresent()) {
            keyspace.expire(keys.get(1), ttl);
            return ScriptReply.of(RENEWED);
        }
        boolean sameGeneration = keyspace.hash(keys.get(0))
                .map(r -> args.get(1).equals(r.get(DeploymentRecordCodec.GENERATION))).orElse(false);
        if (current.isEmpty() && sameGeneration) {
            keyspace.putString(keys.get(1), args.get(0), keyspace.now() + ttl);
            return ScriptReply.of(RENEWED);
        }
        return ScriptReply.of(LOST);
    }
}
