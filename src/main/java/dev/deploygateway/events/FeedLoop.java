package dev.deploygateway.events;

import io.vertx.core.Context;

/**
 * One event loop as the fan-out sees it: tasks run one at a time, in the order they were handed over, on the
 * loop's thread. A feed's own state lives on its home loop and each group of viewers lives on its viewers'
 * loop; nothing else touches them, which is what makes the fan-out free of locks.
 */
interface FeedLoop {

    /** Runs {@code task} later on this loop (never inline, even when called from the loop itself). */
    void execute(Runnable task);

    /** The loop of a Vert.x event-loop context. */
    static FeedLoop of(Context context) {
        return task -> context.runOnContext(ignored -> task.run());
    }
}
