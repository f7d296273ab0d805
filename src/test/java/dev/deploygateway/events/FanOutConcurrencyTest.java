package dev.deploygateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.deploygateway.config.TestDeploymentConfig;
import dev.deploygateway.store.MemoryStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The same promises as {@link FanOutInterleavingTest}, on real threads: four Vert.x event loops, hundreds of
 * viewers joining (from the start or from ids already seen), leaving and stalling at random moments while
 * another thread appends to the log and wakes the feed, as the journal does. No deadlock (everything finishes),
 * no lost, repeated or reordered event for any viewer.
 */
class FanOutConcurrencyTest {

    private static final String USER = "u-concurrent";
    private static final String DEPLOYMENT = "dep_concurrent";

    private Vertx vertx;
    private MemoryStore store;
    private EventFeeds feeds;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
        store = new MemoryStore(Clock.systemUTC());
        feeds = new EventFeeds(store, TestDeploymentConfig.defaults(), vertx, new SimpleMeterRegistry());
        // Mutiny's context propagation registers its manager on first use, and two threads doing that at once
        // outside a Quarkus app race ("ContextManagerProvider already set"): use it once here, on one thread.
        store.streamRead(EventLog.key(USER, DEPLOYMENT), StreamIds.BEGINNING, 1).await().indefinitely();
    }

    @AfterEach
    void stop() {
        feeds.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void concurrentlyChurningViewersEachGetTheLogInOrderOnce() throws Exception {
        Random random = new Random(17);
        List<Context> loops = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            loops.add(vertx.getOrCreateContext());
        }
        List<String> appended = new CopyOnWriteArrayList<>();
        List<RecordingViewer> viewers = new ArrayList<>();
        Thread journal = new Thread(() -> appendLog(appended, 300), "journal");
        journal.start();
        for (int i = 0; i < 400; i++) {
            Context loop = loops.get(random.nextInt(loops.size()));
            List<String> seen = List.copyOf(appended);
            String cursor = seen.isEmpty() || random.nextBoolean() ? StreamIds.BEGINNING
                    : seen.get(random.nextInt(seen.size()));
            RecordingViewer viewer = new RecordingViewer(cursor, FeedLoop.of(loop));
            viewer.full = random.nextInt(10) == 0;
            viewers.add(viewer);
            loop.runOnContext(v -> feeds.watch(USER, DEPLOYMENT, cursor, viewer));
            int fate = random.nextInt(10);
            long delay = 1 + random.nextInt(400);
            if (fate == 0) {
                vertx.setTimer(delay, t -> loop.runOnContext(v -> viewer.leave()));
            } else if (viewer.full || fate == 1) {
                vertx.setTimer(delay, t -> loop.runOnContext(v -> viewer.full = true));
                vertx.setTimer(delay + 50, t -> loop.runOnContext(v -> viewer.drain()));
            }
            if (i % 20 == 0) {
                Thread.sleep(5);
            }
        }
        journal.join();

        await().atMost(Duration.ofSeconds(30)).until(() -> snapshots(viewers).stream()
                .allMatch(Snapshot::finished));
        List<String> log = store.streamRead(EventLog.key(USER, DEPLOYMENT), StreamIds.BEGINNING, 10_000)
                .await().indefinitely().stream().map(entry -> entry.id()).toList();
        assertThat(log).hasSize(300);
        for (Snapshot s : snapshots(viewers)) {
            List<String> expected = log.stream().filter(id -> StreamIds.isAfter(id, s.cursor)).toList();
            assertThat(s.writesAfterFinish).as(s.cursor).isZero();
            // Stalls here last 50 ms: far below the backlog and time limits, so nobody is cut off.
            assertThat(s.cutOffs).as(s.cursor).isZero();
            assertThat(s.ids).as(s.cursor).isEqualTo(expected.subList(0, Math.min(s.ids.size(), expected.size())));
            if (!s.leftByItself) {
                assertThat(s.ids).as(s.cursor).isEqualTo(expected);
                assertThat(s.ends).as(s.cursor).isEqualTo(1);
            }
        }
    }

    private void appendLog(List<String> appended, int count) {
        Random random = new Random(42);
        String key = EventLog.key(USER, DEPLOYMENT);
        for (int i = 0; i < count; i++) {
            EventKind kind = i == count - 1 ? EventKind.END : EventKind.LOG;
            String id = store.streamAppend(key, Map.of(EventLog.KIND, kind.wireName(), EventLog.DATA,
                    "{\"n\":" + i + "}"), 20_000).await().indefinitely();
            appended.add(id);
            if (random.nextInt(3) > 0) {
                feeds.wake(USER, DEPLOYMENT);
            }
            if (random.nextInt(10) == 0) {
                try {
                    Thread.sleep(random.nextInt(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** What a viewer recorded, read on its own loop (its fields belong to that thread). */
    private record Snapshot(String cursor, List<String> ids, int ends, int cutOffs, boolean leftByItself,
            int writesAfterFinish, boolean finished) {
    }

    private static List<Snapshot> snapshots(List<RecordingViewer> viewers) throws Exception {
        List<CompletableFuture<Snapshot>> all = new ArrayList<>();
        for (RecordingViewer v : viewers) {
            CompletableFuture<Snapshot> snapshot = new CompletableFuture<>();
            v.loop.execute(() -> snapshot.complete(new Snapshot(v.cursor, List.copyOf(v.ids), v.ends, v.cutOffs,
                    v.leftByItself, v.writesAfterFinish, v.finished())));
            all.add(snapshot);
        }
        List<Snapshot> out = new ArrayList<>();
        for (CompletableFuture<Snapshot> f : all) {
            out.add(f.get(10, TimeUnit.SECONDS));
        }
        return out;
    }
}
