package dev.deploygateway.events;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.store.SharedStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.vertx.core.Vertx;

/**
 * Live subscriptions to deployment event logs. However many viewers watch one deployment on this instance,
 * there is one {@link LiveFeed} reading the shared log for it (one poll per interval), and the viewers share its
 * events. Viewers on other instances are served by those instances' feeds; none of this touches the platform.
 */
@ApplicationScoped
public class EventFeeds {

    private final ConcurrentHashMap<String, LiveFeed> feeds = new ConcurrentHashMap<>();
    private final SharedStore store;
    private final DeploymentConfig config;
    private final Vertx vertx;
    private final long timerId;

    EventFeeds(SharedStore store, DeploymentConfig config, Vertx vertx) {
        this.store = store;
        this.config = config;
        this.vertx = vertx;
        this.timerId = vertx.setPeriodic(config.feedPollInterval().toMillis(), id -> feeds.values()
                .forEach(LiveFeed::poll));
    }

    /**
     * Every event after {@code afterId} (replay), then live ones, ending after the {@code end} event. A viewer that
     * falls too far behind fails with a slow-viewer error that carries the last id it received.
     */
    public Multi<DeploymentEvent> subscribe(String userId, String deploymentId, String afterId) {
        return Multi.createFrom().emitter(emitter -> {
            AtomicReference<LiveFeed> joined = new AtomicReference<>();
            // A feed that closed between lookup and join is replaced by a fresh one.
            while (joined.get() == null) {
                LiveFeed feed = feeds.compute(EventLog.key(userId, deploymentId), (key, existing) -> existing == null
                        || existing.isClosed() ? newFeed(key) : existing);
                if (feed.add(emitter, afterId)) {
                    joined.set(feed);
                    feed.poll();
                }
            }
        }, BackPressureStrategy.ERROR);
    }

    /** Polls now rather than at the next tick: an event was just appended on this instance. */
    void wake(String userId, String deploymentId) {
        LiveFeed feed = feeds.get(EventLog.key(userId, deploymentId));
        if (feed != null) {
            vertx.runOnContext(v -> feed.poll());
        }
    }

    /** Whether this failure is the cut-off of a slow viewer, and the id it may resume after. */
    public static java.util.Optional<String> slowViewerResumeId(Throwable failure) {
        return failure instanceof LiveFeed.SlowViewerException slow
                ? java.util.Optional.ofNullable(slow.lastDeliveredId())
                : java.util.Optional.empty();
    }

    /** A feed reading the stream at {@code logKey} (feeds are keyed by their log's key). */
    private LiveFeed newFeed(String logKey) {
        LiveFeed[] self = new LiveFeed[1];
        self[0] = new LiveFeed(logKey,
                (after, count) -> store.streamRead(logKey, after, count)
                        .map(entries -> entries.stream().map(EventLog::decode).toList()),
                config.subscriberBuffer(),
                () -> feeds.remove(logKey, self[0]));
        return self[0];
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(timerId);
    }
}
