package dev.deploygateway.events;

import java.util.ArrayList;
import java.util.List;

/**
 * The newest events of one deployment's log held by its feed, as encoded frames, for replay to viewers that
 * join or resume. Confined to the feed's home loop. Slots of the backing array are never overwritten (a full
 * array is copied, not reused), so the runs it hands out stay valid on other loops without locks.
 */
final class FeedTail {

    private final int capacity;
    private Frame[] frames;
    private int start;
    private int end;
    private String floor = StreamIds.BEGINNING;
    private String lastId = StreamIds.BEGINNING;
    private boolean ended;
    private FrameRun whole;

    FeedTail(int capacity) {
        this.capacity = Math.max(1, capacity);
        this.frames = new Frame[Math.min(this.capacity, 16)];
    }

    /** Encodes and keeps the events of {@code page} that follow what it holds; returns them as one run. */
    FrameRun append(List<DeploymentEvent> page) {
        List<Frame> fresh = new ArrayList<>();
        for (DeploymentEvent event : page) {
            if (!ended && StreamIds.isAfter(event.id(), lastId)) {
                Frame frame = Frame.of(event);
                push(frame);
                fresh.add(frame);
                lastId = event.id();
                ended = event.isEnd();
            }
        }
        if (fresh.isEmpty()) {
            return FrameRun.EMPTY;
        }
        whole = null;
        return FrameRun.of(fresh);
    }

    private void push(Frame frame) {
        if (end - start == capacity) {
            floor = frames[start].id();
            start++;
        }
        if (end == frames.length) {
            Frame[] larger = new Frame[Math.max(16, Math.min(2 * (end - start + 1), 2 * capacity))];
            System.arraycopy(frames, start, larger, 0, end - start);
            end -= start;
            start = 0;
            frames = larger;
        }
        frames[end++] = frame;
    }

    /** Whether every event after {@code cursor} that the log has seen so far is held here. */
    boolean covers(String cursor) {
        return !StreamIds.isAfter(floor, cursor);
    }

    /**
     * The held events strictly after {@code cursor}, which must be {@linkplain #covers covered}. A viewer that
     * resumes at or after the {@code end} event gets the {@code end} again, so that it closes instead of
     * reconnecting forever.
     */
    FrameRun after(String cursor) {
        int first = firstAfter(cursor);
        if (first == end) {
            return ended && end > start ? FrameRun.of(frames, end - 1, end) : FrameRun.EMPTY;
        }
        if (first == start) {
            // Most viewers start from the beginning: they all share one joined run of the whole tail.
            if (whole == null) {
                whole = FrameRun.of(frames, start, end);
            }
            return whole;
        }
        return FrameRun.of(frames, first, end);
    }

    /** The held events strictly after {@code cursor}, without repeating the end (long polls). */
    List<DeploymentEvent> eventsAfter(String cursor, int max) {
        List<DeploymentEvent> events = new ArrayList<>();
        for (int i = firstAfter(cursor); i < end && events.size() < max; i++) {
            events.add(frames[i].event());
        }
        return events;
    }

    private int firstAfter(String cursor) {
        int low = start;
        int high = end;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (StreamIds.isAfter(frames[mid].id(), cursor)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    String lastId() {
        return lastId;
    }

    /** The id after which this tail holds everything; older events are only in the store. */
    String floor() {
        return floor;
    }

    boolean ended() {
        return ended;
    }
}
