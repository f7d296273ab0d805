package dev.deploygateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The fan-out under every interleaving a seeded scheduler produces: viewers join (from the start, from ids in
 * the log, from ids ahead of this feed, from the end), leave, stop reading and catch up, while events append
 * and the feed polls, beats and closes. Three loops hold viewers and feeds, a fourth is the store. For each of
 * hundreds of seeds: no viewer misses, repeats or reorders an event; every viewer that neither left nor was cut
 * off gets the whole sequence and one end; a cut-off viewer got a prefix and the warning; no viewer is written
 * to after its stream finished; the loops go idle (no deadlock, no task feeding itself) and every feed closes.
 */
class FanOutInterleavingTest {

    private static final String KEY = "{user:u}:deployment:dep_1:events";

    @Test
    void noViewerLosesRepeatsOrReordersAnEventWhateverTheInterleaving() {
        for (int seed = 0; seed < 400; seed++) {
            new Scenario(seed).run();
        }
    }

    private static final class Scenario {
        final int seed;
        final Random random;
        final ScriptedLoops loops;
        final ScriptedLog log;
        final AtomicLong nanos = new AtomicLong();
        final SimpleMeterRegistry meters = new SimpleMeterRegistry();
        final FeedRegistry feeds;
        final List<RecordingViewer> viewers = new ArrayList<>();
        final List<RecordingViewer> stuck = new ArrayList<>();

        Scenario(int seed) {
            this.seed = seed;
            this.random = new Random(seed);
            this.loops = new ScriptedLoops(4, random);
            this.log = new ScriptedLog(loops.loop(3), random);
            // A small tail (older cursors read the store themselves) and a small backlog (paused viewers get cut).
            FeedSettings settings = new FeedSettings(8, 4, Duration.ofSeconds(10), Duration.ofSeconds(3),
                    Duration.ofSeconds(2), nanos::get, () -> 1_700_000_000_000L, new FeedMetrics(meters, () -> 0));
            this.feeds = new FeedRegistry(key -> log.source(), settings);
        }

        void run() {
            int total = 5 + random.nextInt(40);
            while (!log.ended() || viewers.size() < 6) {
                int dice = random.nextInt(100);
                if (dice < 50) {
                    loops.step();
                } else if (dice < 60 && !log.ended()) {
                    append(log.all().size() >= total ? EventKind.END : EventKind.LOG);
                } else if (dice < 70 && viewers.size() < 25) {
                    join();
                } else if (dice < 73 && !viewers.isEmpty()) {
                    RecordingViewer viewer = pick();
                    viewer.loop.execute(viewer::leave);
                } else if (dice < 80 && !viewers.isEmpty()) {
                    RecordingViewer viewer = pick();
                    viewer.loop.execute(() -> viewer.full = true);
                } else if (dice < 88 && !viewers.isEmpty()) {
                    RecordingViewer viewer = pick();
                    if (!stuck.contains(viewer)) {
                        viewer.loop.execute(viewer::drain);
                    }
                } else if (dice < 94) {
                    tick();
                } else {
                    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
                }
            }
            finish();
            check();
        }

        void append(EventKind kind) {
            log.append(kind);
            Feed feed = feeds.get(KEY);
            if (feed != null && random.nextBoolean()) {
                // A local append wakes the feed; without one, the next beat polls.
                feed.home().execute(feed::poll);
            }
        }

        void join() {
            List<DeploymentEvent> sofar = log.all();
            int choice = random.nextInt(10);
            String cursor;
            if (choice < 4 || sofar.isEmpty()) {
                cursor = StreamIds.BEGINNING;
            } else if (choice < 7) {
                cursor = sofar.get(random.nextInt(sofar.size())).id();
            } else if (choice < 8) {
                cursor = sofar.get(sofar.size() - 1).id();
            } else {
                cursor = log.future();
            }
            RecordingViewer viewer = new RecordingViewer(cursor, loops.loop(random.nextInt(3)));
            viewer.full = random.nextInt(8) == 0;
            if (random.nextInt(10) == 0) {
                viewer.full = true;
                stuck.add(viewer);
            }
            viewers.add(viewer);
            feeds.onFeed(KEY, loops.loop(random.nextInt(3)), feed -> feed.join(viewer, viewer.loop, cursor));
        }

        void tick() {
            feeds.all().forEach(feed -> feed.home().execute(feed::tick));
        }

        RecordingViewer pick() {
            return viewers.get(random.nextInt(viewers.size()));
        }

        /** Lets everything run out: readers catch up, stuck readers are cut off, feeds linger and close. */
        void finish() {
            for (int round = 0; viewers.stream().anyMatch(v -> !v.finished()) || feeds.size() > 0; round++) {
                assertThat(round).as("seed %d: the fan-out never settled", seed).isLessThan(500);
                for (RecordingViewer viewer : viewers) {
                    if (!stuck.contains(viewer) && viewer.full) {
                        viewer.loop.execute(viewer::drain);
                    }
                }
                tick();
                nanos.addAndGet(Duration.ofSeconds(1).toNanos());
                loops.drain();
            }
            assertThat(loops.idle()).isTrue();
        }

        void check() {
            String endId = log.all().get(log.all().size() - 1).id();
            for (RecordingViewer viewer : viewers) {
                List<String> expected = log.idsAfter(viewer.cursor);
                if (expected.isEmpty()) {
                    expected = List.of(endId);
                }
                String who = "seed " + seed + ", viewer from " + viewer.cursor;
                assertThat(viewer.writesAfterFinish).as(who).isZero();
                assertThat(viewer.ends + viewer.cutOffs).as(who).isLessThanOrEqualTo(1);
                assertThat(viewer.ids).as(who).isEqualTo(expected.subList(0, Math.min(viewer.ids.size(),
                        expected.size())));
                if (viewer.cutOffs == 1) {
                    assertThat(viewer.warned).as(who).isTrue();
                } else if (!viewer.leftByItself) {
                    assertThat(viewer.ids).as(who).isEqualTo(expected);
                    assertThat(viewer.ends).as(who).isEqualTo(1);
                }
                if (stuck.contains(viewer) && !viewer.leftByItself) {
                    assertThat(viewer.cutOffs + viewer.ends).as(who + " (stuck)").isEqualTo(1);
                }
            }
            assertThat(meters.get("gateway.sse.viewers").gauge().value()).as("seed %d", seed).isZero();
        }
    }
}
