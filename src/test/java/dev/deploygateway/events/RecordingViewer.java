package dev.deploygateway.events;

import java.util.ArrayList;
import java.util.List;

import io.vertx.core.buffer.Buffer;

/**
 * A viewer whose "connection" records what it was sent, as an EventSource would parse it, and whose write
 * queue the test fills and drains. Records misuse too: writes after the stream was finished, finishing twice.
 */
final class RecordingViewer extends Viewer {

    final String cursor;
    final FeedLoop loop;
    final List<String> ids = new ArrayList<>();
    final List<String> kinds = new ArrayList<>();
    int ends;
    int cutOffs;
    int heartbeats;
    int writesAfterFinish;
    boolean warned;
    boolean leftByItself;
    boolean full;

    RecordingViewer(String cursor, FeedLoop loop) {
        this.cursor = cursor;
        this.loop = loop;
    }

    boolean finished() {
        return ends + cutOffs > 0 || leftByItself;
    }

    @Override
    protected void write(Buffer bytes) {
        if (finished()) {
            writesAfterFinish++;
        }
        parse(bytes.toString());
    }

    @Override
    protected boolean writeQueueFull() {
        return full;
    }

    @Override
    protected void end() {
        ends++;
    }

    @Override
    protected void cutOff(Buffer warning) {
        parse(warning.toString());
        cutOffs++;
    }

    /** The client goes away (its connection closes); run on the viewer's loop. */
    void leave() {
        if (!finished()) {
            leftByItself = true;
        }
        closed();
    }

    /** The client catches up with its queue; run on the viewer's loop. */
    void drain() {
        full = false;
        drained();
    }

    private void parse(String text) {
        for (String block : text.split("\n\n")) {
            String id = null;
            String event = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("id:")) {
                    id = line.substring(3);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6);
                } else if (line.startsWith(":")) {
                    heartbeats++;
                }
            }
            if (id != null) {
                ids.add(id);
                kinds.add(event);
            } else if ("warning".equals(event)) {
                warned = true;
            }
        }
    }
}
