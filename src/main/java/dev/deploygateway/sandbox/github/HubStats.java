package dev.deploygateway.sandbox.github;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/** Counters tests assert on ({@code GET /_sandbox/stats}): what was created, and how. */
@ApplicationScoped
class HubStats {

    static final String BLOBS = "blobsCreated";
    static final String BLOB_BYTES = "blobBytes";
    static final String INLINE = "inlineTreeEntries";
    static final String TREES = "treesCreated";
    static final String COMMITS = "commitsCreated";
    static final String REFS_CREATED = "refsCreated";
    static final String REFS_UPDATED = "refsUpdated";
    static final String REFS_REFUSED = "refUpdatesRefused";
    static final String REPOSITORIES = "repositoriesCreated";

    private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

    void add(String name, long amount) {
        counters.computeIfAbsent(name, n -> new AtomicLong()).addAndGet(amount);
    }

    void increment(String name) {
        add(name, 1);
    }

    Map<String, Long> snapshot() {
        var out = new TreeMap<String, Long>();
        for (String name : new String[] { BLOBS, BLOB_BYTES, INLINE, TREES, COMMITS, REFS_CREATED, REFS_UPDATED,
                REFS_REFUSED, REPOSITORIES }) {
            out.put(name, 0L);
        }
        counters.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
