package dev.deploygateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Long polls on a feed: answered from its tail, held until the next events, and told when the log ended. */
class LongPollTest {

    private final ScriptedLoops loops = new ScriptedLoops(2, new Random(3));
    private final ScriptedLog log = new ScriptedLog(loops.loop(1), new Random(4));
    private final AtomicLong nanos = new AtomicLong();
    private final FeedSettings settings = new FeedSettings(100, 100, Duration.ofSeconds(30), Duration.ofSeconds(30),
            Duration.ofSeconds(15), nanos::get, System::currentTimeMillis,
            new FeedMetrics(new SimpleMeterRegistry(), () -> 0));
    private final List<Feed> closed = new ArrayList<>();
    private final Feed feed = new Feed(loops.loop(0), log.source(), settings, closed::add);
    private final List<EventBatch> answers = new ArrayList<>();

    private LongPolls.Waiter poll(String cursor, boolean wait) {
        LongPolls.Waiter waiter = new LongPolls.Waiter(cursor, 500, wait, (batch, failure) -> answers.add(batch));
        loops.loop(0).execute(() -> feed.await(waiter));
        loops.drain();
        return waiter;
    }

    private void append(EventKind kind) {
        log.append(kind);
        loops.loop(0).execute(feed::poll);
        loops.drain();
    }

    @Test
    void eventsAfterTheCursorAreAnsweredAtOnce() {
        append(EventKind.LOG);
        append(EventKind.LOG);
        String first = log.all().get(0).id();

        poll(first, true);

        assertThat(answers).singleElement().satisfies(batch -> {
            assertThat(batch.events()).extracting(DeploymentEvent::id).containsExactly(log.all().get(1).id());
            assertThat(batch.ended()).isFalse();
        });
    }

    @Test
    void aPollWithNothingNewIsAnsweredByTheNextEvents() {
        append(EventKind.LOG);
        poll(log.all().get(0).id(), true);
        assertThat(answers).isEmpty();

        append(EventKind.END);

        assertThat(answers).singleElement().satisfies(batch -> {
            assertThat(batch.events()).extracting(DeploymentEvent::kind).containsExactly(EventKind.END);
            assertThat(batch.ended()).isTrue();
        });
    }

    @Test
    void aPollAtTheEndSaysEndedAtOnce() {
        append(EventKind.LOG);
        append(EventKind.END);

        poll(log.all().get(1).id(), true);

        assertThat(answers).singleElement().satisfies(batch -> {
            assertThat(batch.events()).isEmpty();
            assertThat(batch.ended()).isTrue();
        });
    }

    @Test
    void aCancelledPollLeavesTheFeedFreeToClose() {
        append(EventKind.LOG);
        LongPolls.Waiter waiter = poll(log.all().get(0).id(), true);
        waiter.cancelled = true;
        loops.loop(0).execute(() -> feed.cancel(waiter));
        loops.drain();
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        loops.loop(0).execute(feed::tick);
        loops.drain();

        assertThat(answers).isEmpty();
        assertThat(closed).containsExactly(feed);
    }
}
