package dev.deploygateway.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.vertx.core.buffer.Buffer;

/**
 * The viewers of one feed that live on one event loop, confined to that loop: the feed hands each run of new
 * events to the group once, and the group writes the run's shared bytes to each of its viewers. A viewer whose
 * connection reports a full write queue is paused at a position in the group's backlog (the frames it has not
 * been given yet, shared by every paused viewer) and resumed when the connection drains; one that falls more
 * than the backlog limit behind, or stays paused too long, is cut off with a warning and reconnects by id.
 */
final class LoopGroup {

    private final FeedLoop loop;
    private final Feed feed;
    private final FeedSettings settings;
    private Viewer[] viewers = new Viewer[4];
    private int size;
    private final List<Viewer> stalled = new ArrayList<>();
    /** Frames numbered [backlogStart, seq), kept while some viewer is paused before seq. */
    private final List<Frame> backlog = new ArrayList<>();
    private long backlogStart;
    /** Number of frames handed to this group so far: the position of the next one. */
    private long seq;
    private boolean iterating;
    private boolean holes;
    private int left;

    LoopGroup(FeedLoop loop, Feed feed, FeedSettings settings) {
        this.loop = loop;
        this.feed = feed;
        this.settings = settings;
    }

    FeedLoop loop() {
        return loop;
    }

    /** A viewer joins with the frames it must be given first; later runs follow in order. */
    void add(Viewer viewer, FrameRun replay, String skipThrough) {
        if (viewer.gone) {
            // Its connection closed while it was on its way here.
            left++;
            tellFeed();
            return;
        }
        if (size == viewers.length) {
            viewers = Arrays.copyOf(viewers, size * 2);
        }
        viewer.group = this;
        viewer.index = size;
        viewers[size++] = viewer;
        viewer.next = seq;
        viewer.skipThrough = skipThrough;
        settings.metrics().joined();
        send(viewer, replay, settings.nanoClock().getAsLong());
        tellFeed();
    }

    /** A viewer that could not be given its replay (the store failed): tell it to come back, by id. */
    void interrupt(Viewer viewer) {
        if (!viewer.gone) {
            viewer.gone = true;
            try {
                viewer.cutOff(Frame.INTERRUPTED);
            } catch (RuntimeException alreadyClosed) {
                // Gone anyway.
            }
        }
        left++;
        tellFeed();
    }

    /** A run of new events, the same for every viewer of this group. */
    void deliver(FrameRun run) {
        long now = settings.nanoClock().getAsLong();
        boolean keep = !stalled.isEmpty();
        seq += run.size();
        int written = 0;
        iterating = true;
        for (int i = 0; i < size; i++) {
            Viewer viewer = viewers[i];
            if (!viewer.gone && !viewer.stalled) {
                written += send(viewer, viewer.skipThrough == null ? run : skipping(viewer, run), now);
            }
        }
        iterating = false;
        if (keep) {
            for (int i = 0; i < run.size(); i++) {
                backlog.add(run.get(i));
            }
            long oldestAllowed = seq - settings.backlogLimit();
            for (int i = stalled.size() - 1; i >= 0; i--) {
                if (stalled.get(i).next < oldestAllowed) {
                    cutOff(stalled.get(i));
                }
            }
        }
        if (written > 0) {
            settings.metrics().delivered(written);
            long wallNow = settings.wallClock().getAsLong();
            for (int i = 0; i < run.size(); i++) {
                settings.metrics().lag(run.get(i).id(), wallNow);
            }
        }
        settle();
    }

    /** Heartbeat comments to viewers that can take them; paused viewers past the time limit are cut off. */
    void heartbeat() {
        long now = settings.nanoClock().getAsLong();
        long limit = settings.slowViewerTimeout().toNanos();
        iterating = true;
        for (int i = 0; i < size; i++) {
            Viewer viewer = viewers[i];
            if (viewer.gone) {
                continue;
            }
            if (viewer.stalled) {
                if (now - viewer.stalledSince >= limit) {
                    cutOff(viewer);
                }
            } else if (write(viewer, Frame.HEARTBEAT) && viewer.writeQueueFull()) {
                stall(viewer, now);
            }
        }
        iterating = false;
        settle();
    }

    /** A paused viewer's connection has room again: give it what it missed. */
    void drained(Viewer viewer) {
        if (viewer.gone || !viewer.stalled) {
            return;
        }
        viewer.stalled = false;
        stalled.remove(viewer);
        int from = (int) (viewer.next - backlogStart);
        viewer.next = seq;
        if (from < backlog.size()) {
            FrameRun missed = FrameRun.of(new ArrayList<>(backlog.subList(from, backlog.size())));
            send(viewer, viewer.skipThrough == null ? missed : skipping(viewer, missed),
                    settings.nanoClock().getAsLong());
        }
        settle();
    }

    /** The viewer's connection closed, or its stream ended. */
    void remove(Viewer viewer) {
        if (viewer.gone) {
            return;
        }
        viewer.gone = true;
        if (viewer.stalled) {
            viewer.stalled = false;
            stalled.remove(viewer);
        }
        if (iterating) {
            holes = true;
        } else {
            Viewer last = viewers[--size];
            viewers[viewer.index] = last;
            last.index = viewer.index;
            viewers[size] = null;
        }
        left++;
        settings.metrics().left(1);
        if (!iterating) {
            settle();
        }
    }

    /** Writes a run to one viewer; ends it after the {@code end} event, pauses it when its queue is full. */
    private int send(Viewer viewer, FrameRun run, long now) {
        if (run.isEmpty() || !write(viewer, run.bytes())) {
            return 0;
        }
        viewer.lastId = run.last().id();
        if (run.endsStream()) {
            try {
                viewer.end();
            } catch (RuntimeException alreadyClosed) {
                // The client left at the same moment; nothing more to tell it.
            }
            remove(viewer);
        } else if (viewer.writeQueueFull()) {
            stall(viewer, now);
        }
        return run.size();
    }

    private boolean write(Viewer viewer, Buffer bytes) {
        try {
            viewer.write(bytes);
            return true;
        } catch (RuntimeException closed) {
            // Writing to a connection that has just closed fails; its close handler may not have run yet.
            remove(viewer);
            return false;
        }
    }

    /** A viewer that resumed ahead of this feed skips what it already has (but never the end). */
    private static FrameRun skipping(Viewer viewer, FrameRun run) {
        FrameRun rest = run.after(viewer.skipThrough);
        if (!rest.isEmpty()) {
            viewer.skipThrough = null;
            return rest;
        }
        return run.endsStream() ? run.lastOnly() : rest;
    }

    private void stall(Viewer viewer, long now) {
        if (stalled.isEmpty()) {
            backlog.clear();
            backlogStart = seq;
        }
        viewer.stalled = true;
        viewer.next = seq;
        viewer.stalledSince = now;
        stalled.add(viewer);
    }

    private void cutOff(Viewer viewer) {
        try {
            viewer.cutOff(Frame.slowViewerWarning(viewer.lastId));
        } catch (RuntimeException alreadyClosed) {
            // Gone anyway.
        }
        settings.metrics().cutOff();
        remove(viewer);
    }

    /** After a pass: close the holes removals left, drop backlog nobody needs, tell the feed who left. */
    private void settle() {
        if (holes) {
            holes = false;
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (!viewers[i].gone) {
                    viewers[kept] = viewers[i];
                    viewers[kept].index = kept++;
                }
            }
            Arrays.fill(viewers, kept, size, null);
            size = kept;
        }
        if (stalled.isEmpty()) {
            backlog.clear();
            backlogStart = seq;
        } else {
            long oldest = seq;
            for (Viewer viewer : stalled) {
                oldest = Math.min(oldest, viewer.next);
            }
            int drop = (int) (oldest - backlogStart);
            if (drop > 0) {
                backlog.subList(0, drop).clear();
                backlogStart = oldest;
            }
        }
        tellFeed();
    }

    private void tellFeed() {
        if (left > 0) {
            int count = left;
            left = 0;
            feed.home().execute(() -> feed.left(this, count));
        }
    }
}
