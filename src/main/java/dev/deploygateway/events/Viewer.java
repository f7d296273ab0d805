package dev.deploygateway.events;

import io.vertx.core.buffer.Buffer;

/**
 * One SSE viewer as its feed sees it: a connection that frames are written to, and the little state the
 * viewer's loop group keeps for it. A subclass adapts the HTTP response; it must call {@link #closed()} and
 * {@link #drained()} from the connection's own event loop, which is the loop the viewer is watched from.
 *
 * <p>Nothing else is held per viewer: frames are shared, and a viewer whose connection cannot take more is
 * paused at a position in its loop's backlog rather than given a queue of its own.
 */
public abstract class Viewer {

    // Owned by the loop group; touched only on the viewer's loop.
    LoopGroup group;
    int index = -1;
    boolean gone;
    boolean stalled;
    long next;
    long stalledSince;
    String lastId = StreamIds.BEGINNING;
    String skipThrough;

    protected Viewer() {
    }

    /** Queues {@code bytes} on the connection (never blocks). */
    protected abstract void write(Buffer bytes);

    /** Whether the connection's write queue is over its limit (the client is not reading fast enough). */
    protected abstract boolean writeQueueFull();

    /** The stream is complete (its {@code end} event was written): end the response. */
    protected abstract void end();

    /** Writes {@code warning}, ends the response and closes the connection: the viewer could not keep up. */
    protected abstract void cutOff(Buffer warning);

    /** The connection closed; call on its event loop. */
    protected final void closed() {
        if (group != null) {
            group.remove(this);
        } else {
            gone = true;
        }
    }

    /** The connection's write queue has room again; call on its event loop. */
    protected final void drained() {
        if (group != null) {
            group.drained(this);
        }
    }
}
