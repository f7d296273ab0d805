package dev.deploygateway.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * One deployment's events as seen by this instance while it has live viewers: the log loaded once from the
 * shared store, then polled (and woken by local appends), and delivered to every subscriber from one shared
 * list. Each subscriber holds only its position, and receives events as fast as it asks for them; one that
 * falls more than {@code maxLag} live events behind is cut off with a warning rather than holding memory or
 * slowing the others. All state changes happen under the feed's lock.
 */
final class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    static final int PAGE = 1000;

    interface Source {
        Uni<List<DeploymentEvent>> readAfter(String afterId, int count);
    }

    private final String deploymentId;
    private final Source source;
    private final int maxLag;
    private final Runnable onEmpty;
    private final List<DeploymentEvent> events = new ArrayList<>();
    private final Set<Viewer> viewers = ConcurrentHashMap.newKeySet();
    private String lastId = StreamIds.BEGINNING;
    private boolean polling;
    private boolean pollAgain;
    private boolean ended;
    // Read without the lock: EventFeeds asks isClosed() inside ConcurrentHashMap.compute (holding a bin lock)
    // while onEmpty removes this feed from that map with the feed lock held (a viewer ending inside drain);
    // taking the feed lock there deadlocked two event loops. Still written under the lock.
    private volatile boolean closed;

    LiveFeed(String deploymentId, Source source, int maxLag, Runnable onEmpty) {
        this.deploymentId = deploymentId;
        this.source = source;
        this.maxLag = maxLag;
        this.onEmpty = onEmpty;
    }

    /** Adds a viewer that wants every event after {@code afterId}; false when this feed has just closed. */
    synchronized boolean add(MultiEmitter<? super DeploymentEvent> emitter, String afterId) {
        if (closed) {
            return false;
        }
        Viewer viewer = new Viewer(emitter, afterId);
        viewers.add(viewer);
        emitter.onRequest(n -> drain(viewer));
        emitter.onTermination(() -> remove(viewer));
        drain(viewer);
        return true;
    }

    boolean isClosed() {
        return closed;
    }

    /** Reads what the shared log has beyond what this feed holds; coalesces concurrent calls. */
    void poll() {
        synchronized (this) {
            if (closed || ended) {
                return;
            }
            if (polling) {
                pollAgain = true;
                return;
            }
            polling = true;
            pollAgain = false;
        }
        String from;
        synchronized (this) {
            from = lastId;
        }
        source.readAfter(from, PAGE).subscribe().with(this::accept, failure -> {
            LOG.debugf("event log of %s not readable now: %s", deploymentId, failure.toString());
            finishPoll(false);
        });
    }

    private void accept(List<DeploymentEvent> page) {
        synchronized (this) {
            for (DeploymentEvent event : page) {
                if (StreamIds.isAfter(event.id(), lastId)) {
                    events.add(event);
                    lastId = event.id();
                    ended |= event.isEnd();
                }
            }
            for (Viewer viewer : viewers) {
                drain(viewer);
            }
        }
        finishPoll(page.size() == PAGE);
    }

    private void finishPoll(boolean more) {
        boolean again;
        synchronized (this) {
            polling = false;
            again = more || pollAgain;
        }
        if (again) {
            poll();
        }
    }

    private synchronized void drain(Viewer viewer) {
        if (viewer.done) {
            return;
        }
        if (viewer.draining) {
            // Re-entered from inside emit (the viewer asked for more while handling an event): the outer loop
            // below picks the new demand up, so events stay strictly serial.
            return;
        }
        viewer.draining = true;
        try {
            deliver(viewer);
        } finally {
            viewer.draining = false;
        }
    }

    private void deliver(Viewer viewer) {
        // Positions are ids, not indexes: a viewer may join before the feed has loaded the log.
        int next = firstIndexAfter(viewer.lastDeliveredId);
        if (viewer.caughtUp && events.size() - next > maxLag) {
            viewer.done = true;
            viewers.remove(viewer);
            viewer.emitter.fail(new SlowViewerException(viewer.lastDeliveredId));
            return;
        }
        while (next < events.size() && viewer.emitter.requested() > 0 && !viewer.emitter.isCancelled()) {
            DeploymentEvent event = events.get(next++);
            viewer.lastDeliveredId = event.id();
            viewer.emitter.emit(event);
            if (event.isEnd()) {
                viewer.done = true;
                viewers.remove(viewer);
                viewer.emitter.complete();
                return;
            }
        }
        // Lag only counts once a viewer has been at the head: replaying a long log is not falling behind.
        viewer.caughtUp |= next == events.size();
    }

    private void remove(Viewer viewer) {
        boolean empty;
        synchronized (this) {
            viewer.done = true;
            viewers.remove(viewer);
            empty = viewers.isEmpty();
            if (empty) {
                closed = true;
            }
        }
        if (empty) {
            onEmpty.run();
        }
    }

    private int firstIndexAfter(String afterId) {
        int low = 0;
        int high = events.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (StreamIds.isAfter(events.get(mid).id(), afterId)) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** A subscriber: the last event id it received, and whether it has ever been at the live head. */
    private static final class Viewer {
        final MultiEmitter<? super DeploymentEvent> emitter;
        String lastDeliveredId;
        boolean caughtUp;
        boolean done;
        boolean draining;

        Viewer(MultiEmitter<? super DeploymentEvent> emitter, String afterId) {
            this.emitter = emitter;
            this.lastDeliveredId = afterId;
        }
    }

    /** Ends a viewer that cannot keep up; it may reconnect from {@link #lastDeliveredId()}. */
    static final class SlowViewerException extends RuntimeException {
        private final String lastDeliveredId;

        SlowViewerException(String lastDeliveredId) {
            super("viewer too slow", null, false, false);
            this.lastDeliveredId = lastDeliveredId;
        }

        String lastDeliveredId() {
            return lastDeliveredId;
        }
    }
}
