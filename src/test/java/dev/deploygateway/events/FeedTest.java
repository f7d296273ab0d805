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
 * One feed's behaviours, one at a time, on scripted loops (loop 0 is the feed's home and a viewer loop, loop 1
 * another viewer loop, loop 2 the store) with a clock the test moves: replay and live delivery, resume at the
 * end and before the tail, pausing and catching up, cut-offs, heartbeats, one read for a burst, lingering.
 */
class FeedTest {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Duration SLOW_LIMIT = Duration.ofSeconds(30);
    private static final Duration LINGER = Duration.ofSeconds(30);
    private static final int TAIL = 10;
    private static final int BACKLOG = 5;

    private final ScriptedLoops loops = new ScriptedLoops(3, new Random(1));
    private final ScriptedLog log = new ScriptedLog(loops.loop(2), new Random(2));
    private final AtomicLong nanos = new AtomicLong();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final FeedSettings settings = new FeedSettings(TAIL, BACKLOG, SLOW_LIMIT, LINGER, HEARTBEAT, nanos::get,
            System::currentTimeMillis, new FeedMetrics(meters, () -> 0));
    private final List<Feed> closed = new ArrayList<>();
    private final Feed feed = new Feed(loops.loop(0), log.source(), settings, closed::add);

    private RecordingViewer join(String cursor, int loop) {
        RecordingViewer viewer = new RecordingViewer(cursor, loops.loop(loop));
        loops.loop(0).execute(() -> assertThat(feed.join(viewer, viewer.loop, cursor)).isTrue());
        loops.drain();
        return viewer;
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            log.append(EventKind.LOG);
        }
        loops.loop(0).execute(feed::poll);
        loops.drain();
    }

    private void end() {
        log.append(EventKind.END);
        loops.loop(0).execute(feed::poll);
        loops.drain();
    }

    private void tickAfter(Duration elapsed) {
        nanos.addAndGet(elapsed.toNanos());
        loops.loop(0).execute(feed::tick);
        loops.drain();
    }

    @Test
    void viewersOnTwoLoopsGetTheReplayThenTheLiveEventsThenTheEnd() {
        append(3);
        RecordingViewer here = join(StreamIds.BEGINNING, 0);
        RecordingViewer there = join(StreamIds.BEGINNING, 1);
        append(2);
        end();

        List<String> all = log.idsAfter(StreamIds.BEGINNING);
        assertThat(here.ids).isEqualTo(all);
        assertThat(there.ids).isEqualTo(all);
        assertThat(here.ends).isEqualTo(1);
        assertThat(there.ends).isEqualTo(1);
    }

    @Test
    void aBurstOfViewersJoiningAnUnreadFeedCostsOneRead() {
        for (int i = 0; i < 4; i++) {
            log.append(EventKind.LOG);
        }
        List<RecordingViewer> viewers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            RecordingViewer viewer = new RecordingViewer(StreamIds.BEGINNING, loops.loop(i % 2));
            viewers.add(viewer);
            loops.loop(0).execute(() -> feed.join(viewer, viewer.loop, viewer.cursor));
        }
        loops.drain();

        assertThat(log.reads()).isEqualTo(1);
        assertThat(viewers).allSatisfy(v -> assertThat(v.ids).hasSize(4));
    }

    @Test
    void resumingAtTheEndGetsOnlyTheEndAgain() {
        append(2);
        end();
        String endId = log.all().get(2).id();

        RecordingViewer viewer = join(endId, 1);

        assertThat(viewer.ids).containsExactly(endId);
        assertThat(viewer.ends).isEqualTo(1);
    }

    @Test
    void aViewerResumingBeforeTheTailMissesNothing() {
        append(TAIL + 7);
        String cursor = log.all().get(2).id();

        RecordingViewer viewer = join(cursor, 1);
        append(1);

        assertThat(viewer.ids).isEqualTo(log.idsAfter(cursor));
    }

    @Test
    void aPausedViewerCatchesUpInOrderWhenItsConnectionDrains() {
        RecordingViewer viewer = join(StreamIds.BEGINNING, 1);
        append(1);
        viewer.full = true;
        append(1);
        append(2);
        assertThat(viewer.ids).hasSize(2);

        viewer.loop.execute(viewer::drain);
        loops.drain();
        append(1);

        assertThat(viewer.ids).isEqualTo(log.idsAfter(StreamIds.BEGINNING));
        assertThat(viewer.cutOffs).isZero();
    }

    @Test
    void aPausedViewerFallingMoreThanTheBacklogBehindIsCutOffWithTheWarning() {
        RecordingViewer viewer = join(StreamIds.BEGINNING, 1);
        RecordingViewer keeping = join(StreamIds.BEGINNING, 1);
        append(1);
        viewer.full = true;
        append(1);
        String lastWritten = viewer.ids.get(viewer.ids.size() - 1);
        append(BACKLOG);
        assertThat(viewer.cutOffs).isZero();

        append(1);

        assertThat(viewer.cutOffs).isEqualTo(1);
        assertThat(viewer.warned).isTrue();
        assertThat(viewer.ids.get(viewer.ids.size() - 1)).isEqualTo(lastWritten);
        assertThat(keeping.ids).isEqualTo(log.idsAfter(StreamIds.BEGINNING));
        assertThat(meters.get("gateway.sse.slow.viewer.cutoffs").counter().count()).isEqualTo(1);
    }

    @Test
    void aViewerPausedLongerThanTheLimitIsCutOffAtTheNextBeat() {
        RecordingViewer viewer = join(StreamIds.BEGINNING, 1);
        viewer.full = true;
        append(1);
        tickAfter(SLOW_LIMIT.minusSeconds(1));
        assertThat(viewer.cutOffs).isZero();

        tickAfter(HEARTBEAT);

        assertThat(viewer.cutOffs).isEqualTo(1);
    }

    @Test
    void liveViewersGetAHeartbeatEveryInterval() {
        RecordingViewer viewer = join(StreamIds.BEGINNING, 1);
        tickAfter(HEARTBEAT.minusSeconds(1));
        assertThat(viewer.heartbeats).isZero();

        tickAfter(Duration.ofSeconds(1));

        assertThat(viewer.heartbeats).isEqualTo(1);
    }

    @Test
    void aFeedWithoutViewersClosesOnlyAfterItsLingerTime() {
        append(1);
        RecordingViewer viewer = join(StreamIds.BEGINNING, 1);
        viewer.loop.execute(viewer::leave);
        loops.drain();
        tickAfter(LINGER.minusSeconds(1));
        assertThat(closed).isEmpty();

        tickAfter(Duration.ofSeconds(1));

        assertThat(closed).containsExactly(feed);
        assertThat(meters.get("gateway.sse.viewers").gauge().value()).isZero();
    }
}
