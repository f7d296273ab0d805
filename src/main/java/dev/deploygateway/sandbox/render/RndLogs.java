package dev.deploygateway.sandbox.render;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Log entries, as Render keeps them: per resource, with labels ({@code resource}, {@code type}, {@code level},
 * {@code instance}), strictly increasing timestamps, and a query by time window and direction with
 * {@code nextStartTime}/{@code nextEndTime} paging. Live subscribers (the log websocket) see each new entry of their
 * resource and type once, as it is written; the subscription replays nothing.
 */
@ApplicationScoped
class RndLogs {

    static final int MAX_ENTRIES = 200_000;

    /** One entry. */
    record Entry(String id, Instant timestamp, String resource, String type, String level, String message) {
        Map<String, Object> json() {
            var json = new LinkedHashMap<String, Object>();
            json.put("id", id);
            json.put("message", message);
            json.put("timestamp", timestamp.toString());
            json.put("labels", List.of(Map.of("name", "resource", "value", resource),
                    Map.of("name", "type", "value", type), Map.of("name", "level", "value", level)));
            return json;
        }
    }

    /** A live subscriber. */
    record Subscriber(String resource, String type, Consumer<Entry> sink) {
    }

    /** One answer of the query. */
    record Page(List<Entry> entries, boolean hasMore, Instant nextStartTime, Instant nextEndTime) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private Instant last = Instant.EPOCH;

    void write(String resource, String level, String message) {
        Entry entry;
        synchronized (this) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            last = now.isAfter(last) ? now : last.plus(1, ChronoUnit.MICROS);
            entry = new Entry(UUID.randomUUID().toString(), last, resource, "build", level, message);
            if (entries.size() >= MAX_ENTRIES) {
                entries.subList(0, MAX_ENTRIES / 10).clear();
            }
            entries.add(entry);
        }
        for (Subscriber s : subscribers) {
            if (s.resource().equals(resource) && s.type().equals(entry.type())) {
                s.sink().accept(entry);
            }
        }
    }

    Runnable subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** Entries of {@code resource} and {@code type} in [start, end], oldest first for forward, newest first else. */
    synchronized Page query(List<String> resources, String type, Instant start, Instant end, boolean forward,
            int limit) {
        var matching = new ArrayList<>(entries.stream().filter(e -> resources.contains(e.resource()))
                .filter(e -> type == null || type.equals(e.type()))
                .filter(e -> !e.timestamp().isBefore(start) && !e.timestamp().isAfter(end)).toList());
        if (!forward) {
            matching.sort(Comparator.comparing(Entry::timestamp).reversed());
        }
        boolean more = matching.size() > limit;
        List<Entry> page = List.copyOf(matching.subList(0, Math.min(limit, matching.size())));
        if (!more || page.isEmpty()) {
            return new Page(page, false, start, end);
        }
        // The next page starts at the last entry returned (inclusive: entries are told apart by id).
        Instant boundary = page.get(page.size() - 1).timestamp();
        return forward ? new Page(page, true, boundary, end) : new Page(page, true, start, boundary);
    }
}
