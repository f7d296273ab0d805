package dev.deploygateway.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.smallrye.mutiny.Uni;

/**
 * A deployment's shared log for scripted tests: the test appends, and every read completes later as a task of
 * the "store" loop, with what the log holds when that task runs (as a real read lands at some moment after it
 * was sent). Ids look like the store's ({@code <millis>-<seq>}, increasing).
 */
final class ScriptedLog {

    private final List<DeploymentEvent> events = new ArrayList<>();
    private final FeedLoop store;
    private final Random random;
    private long millis = 1_700_000_000_000L;
    private long seq;
    private int reads;

    ScriptedLog(FeedLoop store, Random random) {
        this.store = store;
        this.random = random;
    }

    DeploymentEvent append(EventKind kind) {
        long step = random.nextInt(3);
        millis += step;
        seq = step == 0 ? seq + 1 : 0;
        String data = kind == EventKind.END ? "{\"status\":\"READY\",\"url\":null}"
                : "{\"text\":\"line " + events.size() + "\"}";
        DeploymentEvent event = new DeploymentEvent(millis + "-" + seq, kind, data);
        events.add(event);
        return event;
    }

    Feed.Source source() {
        return (after, count) -> Uni.createFrom().emitter(emitter -> store.execute(() -> {
            reads++;
            emitter.complete(after(after, count));
        }));
    }

    List<DeploymentEvent> after(String cursor, int count) {
        return events.stream().filter(e -> StreamIds.isAfter(e.id(), cursor)).limit(count).toList();
    }

    List<String> idsAfter(String cursor) {
        return after(cursor, Integer.MAX_VALUE).stream().map(DeploymentEvent::id).toList();
    }

    List<DeploymentEvent> all() {
        return List.copyOf(events);
    }

    /** An id after every event so far (a viewer resuming from an instance that had read further). */
    String future() {
        return (millis + 1) + "-0";
    }

    boolean ended() {
        return !events.isEmpty() && events.get(events.size() - 1).isEnd();
    }

    int reads() {
        return reads;
    }
}
