package dev.deploygateway.store;

/** Scripts the store itself needs. */
final class StoreScripts {

    private StoreScripts() {
    }

    /** KEYS[1] lock/lease key, ARGV[1] the owner token: delete only if still owned. Returns 1 or 0. */
    static final StoreScript DELETE_IF_EQUALS = new StoreScript("delete-if-equals", """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0
            """, (keyspace, keys, args) -> {
        boolean owned = keyspace.read(keys.get(0), String.class).filter(args.get(0)::equals).isPresent();
        return ScriptReply.of(owned && keyspace.remove(keys.get(0)) ? 1L : 0L);
    });
}
