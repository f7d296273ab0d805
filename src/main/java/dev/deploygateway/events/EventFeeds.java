package dev.deploygateway.events;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.store.SharedStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Live views of deployment event logs. However many viewers watch one deployment on this instance, there is one
 * {@link Feed} for it: one ownership check, one reader of the shared log, one encoding of each event; each
 * event loop with viewers gets each new run of events once and writes it to its viewers. Viewers on other
 * instances are served by those instances' feeds; none of this touches the platform.
 */
@ApplicationScoped
public class EventFeeds {

    private final ConcurrentHashMap<Context, FeedLoop> loops = new ConcurrentHashMap<>();
    private final FeedRegistry feeds;
    private final Vertx vertx;
    private final FeedLoop fallbackLoop;
    private final long timerId;

    EventFeeds(SharedStore store, DeploymentConfig config, Vertx vertx, MeterRegistry registry) {
        this.vertx = vertx;
        FeedMetrics metrics = new FeedMetrics(registry, this::openFeeds);
        this.feeds = new FeedRegistry(logKey -> (after, count) -> store.streamRead(logKey, after, count)
                .map(entries -> entries.stream().map(EventLog::decode).toList()), FeedSettings.of(config, metrics));
        this.fallbackLoop = FeedLoop.of(vertx.getOrCreateContext());
        this.timerId = vertx.setPeriodic(config.feedPollInterval().toMillis(),
                id -> feeds.all().forEach(feed -> feed.home().execute(feed::tick)));
    }

    /**
     * Whether the caller may watch this deployment, asking {@code owned} (one store read) at most once per feed
     * however many viewers arrive together. Completes on the feed's loop, not the caller's.
     */
    public Uni<Boolean> admit(String userId, String deploymentId, Supplier<Uni<Boolean>> owned) {
        return Uni.createFrom().emitter(emitter -> admit(userId, deploymentId, owned, (yes, failure) -> {
            if (failure != null) {
                emitter.fail(failure);
            } else {
                emitter.complete(yes);
            }
        }));
    }

    /** {@link #admit(String, String, Supplier)} for callers on an event loop: {@code answer} runs on the feed's. */
    public void admit(String userId, String deploymentId, Supplier<Uni<Boolean>> owned,
            BiConsumer<Boolean, Throwable> answer) {
        feeds.onFeed(EventLog.key(userId, deploymentId), currentLoop(), feed -> {
            feed.admit(owned, answer);
            return true;
        });
    }

    /**
     * Starts writing the deployment's events after {@code cursor} to an admitted viewer: replay from the feed's
     * memory (or, for a cursor older than it, from the store), then live, ending after the {@code end} event.
     * Call on the viewer's connection's event loop: the viewer joins that loop's group.
     */
    public void watch(String userId, String deploymentId, String cursor, Viewer viewer) {
        FeedLoop loop = currentLoop();
        feeds.onFeed(EventLog.key(userId, deploymentId), loop, feed -> feed.join(viewer, loop, cursor));
    }

    /**
     * Up to {@code max} events after {@code cursor} for an admitted caller: at once when there are some (or the
     * log has ended, or {@code wait} is false), else when the next ones arrive; cancel to stop waiting.
     */
    public Uni<EventBatch> next(String userId, String deploymentId, String cursor, int max, boolean wait) {
        return Uni.createFrom().emitter(emitter -> {
            LongPolls.Waiter waiter = new LongPolls.Waiter(cursor, max, wait, (batch, failure) -> {
                if (failure != null) {
                    emitter.fail(failure);
                } else {
                    emitter.complete(batch);
                }
            });
            emitter.onTermination(() -> {
                waiter.cancelled = true;
                Feed holder = waiter.feed;
                if (holder != null) {
                    holder.home().execute(() -> holder.cancel(waiter));
                }
            });
            feeds.onFeed(EventLog.key(userId, deploymentId), currentLoop(), feed -> feed.await(waiter));
        });
    }

    /** Reads now rather than at the next beat: an event was just appended on this instance. */
    void wake(String userId, String deploymentId) {
        Feed feed = feeds.get(EventLog.key(userId, deploymentId));
        if (feed != null) {
            feed.home().execute(feed::poll);
        }
    }

    private int openFeeds() {
        return feeds.size();
    }

    /** The loop of the calling thread's event loop, one per loop (however many request contexts run there). */
    private FeedLoop currentLoop() {
        Context context = Vertx.currentContext();
        if (context == null || !context.isEventLoopContext()) {
            return fallbackLoop;
        }
        return loops.computeIfAbsent(VertxContext.getRootContext(context), FeedLoop::of);
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(timerId);
    }
}
