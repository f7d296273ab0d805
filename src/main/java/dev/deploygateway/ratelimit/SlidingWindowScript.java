package dev.deploygateway.ratelimit;

import java.util.List;

import dev.deploygateway.store.MemoryKeyspace;
import dev.deploygateway.store.ScriptReply;
import dev.deploygateway.store.StoreScript;

/**
 * A standalone admission or quota read on one user's log (see {@link SlidingWindow}).
 *
 * <pre>
 * KEYS[1] the user's log   ARGV[1] "admit" or "peek"   ARGV[2] member   ARGV[3] window ms   ARGV[4] limit
 * returns {admitted 0|1, count in window, now ms, oldest score or -1, duplicate 0|1}
 * </pre>
 */
final class SlidingWindowScript {

    private SlidingWindowScript() {
    }

    static final String ADMIT = "admit";
    static final String PEEK = "peek";

    static final StoreScript SCRIPT = new StoreScript("sliding-window-log", SlidingWindow.LUA_FUNCTIONS + """
            local now = server_now()
            local admitted, duplicate, count, oldest = sliding_window(KEYS[1], ARGV[2], tonumber(ARGV[3]),
              tonumber(ARGV[4]), now, ARGV[1] == 'admit')
            return {admitted, count, now, oldest, duplicate}
            """, SlidingWindowScript::runInMemory);

    private static ScriptReply runInMemory(MemoryKeyspace keyspace, List<String> keys, List<String> args) {
        SlidingWindow.Window w = SlidingWindow.apply(keyspace, keys.get(0), args.get(1), Long.parseLong(args.get(2)),
                Long.parseLong(args.get(3)), ADMIT.equals(args.get(0)));
        return ScriptReply.of(w.admitted() ? 1 : 0, w.count(), w.now(), w.oldest(), w.duplicate() ? 1 : 0);
    }
}
