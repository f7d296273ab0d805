package dev.deploygateway.events;

import java.nio.charset.StandardCharsets;

import io.vertx.core.buffer.Buffer;

/**
 * One event as it goes on the wire: encoded once, when the feed reads it, and then written as the same bytes to
 * every viewer of every loop. Also the few fixed frames of the stream (retry, heartbeat, slow-viewer warning).
 */
record Frame(DeploymentEvent event, Buffer bytes) {

    /** A comment line: ignored by {@code EventSource}, keeps proxies from closing a quiet stream. */
    static final Buffer HEARTBEAT = Buffer.buffer(":heartbeat\n\n");

    /** Sent (without an id) when the stream cannot go on now; the browser reconnects from its last id. */
    static final Buffer INTERRUPTED = Buffer.buffer("event:warning\ndata:{\"message\":\"The event stream was"
            + " interrupted. Reconnect to resume.\"}\n\n");

    static Frame of(DeploymentEvent event) {
        String data = event.data();
        StringBuilder text = new StringBuilder(data.length() + 48)
                .append("id:").append(event.id()).append("\nevent:").append(event.kind().wireName()).append('\n');
        // The data is one JSON line; should a line break ever slip in, it stays data instead of forging fields.
        for (String line : data.split("\r\n|\r|\n", -1)) {
            text.append("data:").append(line).append('\n');
        }
        return new Frame(event, Buffer.buffer(text.append('\n').toString().getBytes(StandardCharsets.UTF_8)));
    }

    String id() {
        return event.id();
    }

    /** The warning (deliberately without an id) that precedes the cut-off of a viewer too slow to keep up. */
    static Buffer slowViewerWarning(String lastId) {
        // lastId is a stream id (digits and a dash), so it needs no JSON escaping.
        return Buffer.buffer("event:warning\ndata:{\"message\":\"This viewer fell too far behind the live log and was"
                + " disconnected. Reconnect to resume after " + lastId + ".\"}\n\n");
    }
}
