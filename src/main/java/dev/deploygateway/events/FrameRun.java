package dev.deploygateway.events;

import java.util.ArrayList;
import java.util.List;

import io.vertx.core.buffer.Buffer;

/**
 * Consecutive frames of one feed and their bytes joined once, so that a loop writes a whole run to a viewer in
 * one write. Immutable once built: a run is handed from the feed's loop to viewers' loops and read there
 * concurrently (the frames array is never written in the range a run covers).
 */
final class FrameRun {

    static final FrameRun EMPTY = new FrameRun(new Frame[0], 0, 0, Buffer.buffer());

    private final Frame[] frames;
    private final int from;
    private final int to;
    private final Buffer bytes;

    private FrameRun(Frame[] frames, int from, int to, Buffer bytes) {
        this.frames = frames;
        this.from = from;
        this.to = to;
        this.bytes = bytes;
    }

    /** The frames {@code frames[from..to)}; the caller must never write that range again. */
    static FrameRun of(Frame[] frames, int from, int to) {
        if (to <= from) {
            return EMPTY;
        }
        if (to - from == 1) {
            return new FrameRun(frames, from, to, frames[from].bytes());
        }
        int length = 0;
        for (int i = from; i < to; i++) {
            length += frames[i].bytes().length();
        }
        Buffer joined = Buffer.buffer(length);
        for (int i = from; i < to; i++) {
            joined.appendBuffer(frames[i].bytes());
        }
        return new FrameRun(frames, from, to, joined);
    }

    static FrameRun of(List<Frame> frames) {
        return of(frames.toArray(Frame[]::new), 0, frames.size());
    }

    int size() {
        return to - from;
    }

    boolean isEmpty() {
        return to == from;
    }

    Frame get(int index) {
        return frames[from + index];
    }

    Frame last() {
        return frames[to - 1];
    }

    /** Whether the run holds the log's {@code end} event (always its last frame). */
    boolean endsStream() {
        return !isEmpty() && last().event().isEnd();
    }

    /** Just the last frame. */
    FrameRun lastOnly() {
        return size() <= 1 ? this : of(frames, to - 1, to);
    }

    Buffer bytes() {
        return bytes;
    }

    /** The frames strictly after {@code cursor} (a viewer that already has some of them). */
    FrameRun after(String cursor) {
        int first = from;
        while (first < to && !StreamIds.isAfter(frames[first].id(), cursor)) {
            first++;
        }
        return first == from ? this : of(frames, first, to);
    }

    /** At most {@code max} events of this run, in order. */
    List<DeploymentEvent> events(int max) {
        List<DeploymentEvent> events = new ArrayList<>(Math.min(max, size()));
        for (int i = from; i < to && events.size() < max; i++) {
            events.add(frames[i].event());
        }
        return events;
    }
}
