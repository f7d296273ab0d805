package dev.deploygateway.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A stream with Redis ids ({@code <ms>-<seq>}, strictly increasing even when the clock stalls or goes back). */
public final class MemoryStream {

    private final Deque<StreamEntry> entries = new ArrayDeque<>();
    private long lastMs;
    private long lastSeq = -1;

    /** {@code XADD ... MAXLEN maxLength *}: exact trimming from the oldest end. */
    public String append(Map<String, String> fields, long maxLength, long nowMs) {
        if (nowMs > lastMs) {
            lastMs = nowMs;
            lastSeq = 0;
        } else {
            lastSeq++;
        }
        String id = lastMs + "-" + lastSeq;
        entries.addLast(new StreamEntry(id, fields));
        while (entries.size() > maxLength) {
            entries.removeFirst();
        }
        return id;
    }

    /** Entries with id strictly greater than afterId, at most count. */
    public List<StreamEntry> readAfter(String afterId, int count) {
        long[] after = parse(afterId);
        List<StreamEntry> out = new ArrayList<>();
        for (StreamEntry e : entries) {
            if (out.size() >= count) {
                break;
            }
            if (compare(parse(e.id()), after) > 0) {
                out.add(e);
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    static long[] parse(String id) {
        int dash = id.indexOf('-');
        if (dash < 0) {
            return new long[] { Long.parseLong(id), 0 };
        }
        return new long[] { Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1)) };
    }

    private static int compare(long[] a, long[] b) {
        int c = Long.compare(a[0], b[0]);
        return c != 0 ? c : Long.compare(a[1], b[1]);
    }
}
