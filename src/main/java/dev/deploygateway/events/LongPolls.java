package dev.deploygateway.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/**
 * The long polls of one feed: answered from its tail, or held until the next run of events. Confined to the
 * feed's home loop, like the feed itself.
 */
final class LongPolls {

    /** A long poll for up to {@code max} events after {@code cursor}; {@code answer} gets a batch or a failure. */
    static final class Waiter {
        final String cursor;
        final int max;
        final boolean wait;
        final BiConsumer<EventBatch, Throwable> answer;
        boolean done;
        /** Set by the poll's own thread when it gives up; the feed drops the waiter at its next beat. */
        volatile boolean cancelled;
        /** The feed that holds the waiter, so that a cancel reaches it at once. */
        volatile Feed feed;

        Waiter(String cursor, int max, boolean wait, BiConsumer<EventBatch, Throwable> answer) {
            this.cursor = cursor;
            this.max = max;
            this.wait = wait;
            this.answer = answer;
        }
    }

    private final FeedLoop home;
    private final Feed.Source source;
    private final FeedTail tail;
    private final IntConsumer leave;
    private final List<Waiter> waiting = new ArrayList<>();

    LongPolls(FeedLoop home, Feed.Source source, FeedTail tail, IntConsumer leave) {
        this.home = home;
        this.source = source;
        this.tail = tail;
        this.leave = leave;
    }

    /** Answers from the tail, or from the store for a cursor older than the tail, or waits. */
    void offer(Waiter waiter) {
        if (!tail.covers(waiter.cursor)) {
            source.readAfter(waiter.cursor, waiter.max).subscribe().with(events -> home.execute(() -> finish(waiter,
                    new EventBatch(events, !events.isEmpty() && events.get(events.size() - 1).isEnd()), null)),
                    failure -> home.execute(() -> finish(waiter, null, failure)));
            return;
        }
        List<DeploymentEvent> events = tail.eventsAfter(waiter.cursor, waiter.max);
        boolean ended = tail.ended() && (events.isEmpty() || events.get(events.size() - 1).isEnd());
        if (!events.isEmpty() || ended || !waiter.wait || waiter.cancelled) {
            finish(waiter, new EventBatch(events, ended), null);
        } else {
            waiting.add(waiter);
        }
    }

    /** New events: every waiting poll that wants some of them is answered. */
    void arrived(FrameRun fresh) {
        for (Waiter waiter : new ArrayList<>(waiting)) {
            List<DeploymentEvent> events = fresh.after(waiter.cursor).events(waiter.max);
            if (!events.isEmpty()) {
                waiting.remove(waiter);
                finish(waiter, new EventBatch(events, events.get(events.size() - 1).isEnd()), null);
            }
        }
    }

    /** Drops polls that gave up while their cancel was on its way. */
    void sweep() {
        for (Waiter waiter : new ArrayList<>(waiting)) {
            if (waiter.cancelled) {
                cancel(waiter);
            }
        }
    }

    void cancel(Waiter waiter) {
        if (waiting.remove(waiter)) {
            finish(waiter, null, null);
        }
    }

    /** Answers a poll once (a cancelled one gets nothing) and counts it out of the feed. */
    private void finish(Waiter waiter, EventBatch batch, Throwable failure) {
        if (waiter.done) {
            return;
        }
        waiter.done = true;
        leave.accept(1);
        if (batch != null || failure != null) {
            waiter.answer.accept(batch, failure);
        }
    }
}
