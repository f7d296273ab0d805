package dev.deploygateway.platform.vercel;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformState;

/**
 * Decodes event lines of one watch and remembers where it is: the newest {@code created} seen and the ids seen
 * at that millisecond. A resumed stream starts at {@code since = newest} (inclusive), and lines already seen
 * are dropped, so nothing is repeated or lost whichever way the server treats {@code since}.
 */
final class VercelEventCursor {

    /** Lenient on members Vercel adds; the lines are not gateway input, so StrictJsonBinding does not apply. */
    private static final ObjectReader LINES = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).readerFor(VercelWire.EventLine.class);

    private long newest;
    private final Set<String> idsAtNewest = new HashSet<>();
    private long accepted;
    private PlatformState lastState;

    VercelEventCursor(long since) {
        this.newest = since;
    }

    long since() {
        return newest;
    }

    long accepted() {
        return accepted;
    }

    Optional<PlatformState> lastState() {
        return Optional.ofNullable(lastState);
    }

    private boolean drained;

    /** True the first time only: a finished deployment's remaining lines are fetched once. */
    boolean drainOnce() {
        boolean first = !drained;
        drained = true;
        return first;
    }

    void stateSeen(PlatformState state) {
        lastState = state;
    }

    /** Zero or one event for a line; keep-alives (no {@code created}), duplicates and non-log types give none. */
    synchronized List<PlatformEvent> decode(String line) {
        VercelWire.EventLine event;
        try {
            event = LINES.readValue(line);
        } catch (Exception e) {
            return List.of();
        }
        var payload = event.payload() == null ? NO_PAYLOAD : event.payload();
        long created = first(event.created(), payload.created(), 0L);
        if (created == 0) {
            return List.of();
        }
        String id = first(event.id(), payload.id(), "");
        if (created < newest || (created == newest && idsAtNewest.contains(id))) {
            return List.of();
        }
        if (created > newest) {
            newest = created;
            idsAtNewest.clear();
        }
        idsAtNewest.add(id);
        accepted++;
        Instant at = Instant.ofEpochMilli(created);
        String type = first(event.type(), null, "");
        if ("deployment-state".equals(type)) {
            String raw = first(readyState(event.info()), readyState(payload.info()), "");
            return VercelStates.map(raw).filter(s -> s != lastState).map(s -> {
                lastState = s;
                return List.<PlatformEvent>of(new PlatformEvent.StateChange(s, raw, at));
            }).orElse(List.of());
        }
        String text = first(event.text(), payload.text(), null);
        if (text == null) {
            return List.of();
        }
        PlatformEvent.Stream stream = switch (type) {
            case "stderr", "fatal" -> PlatformEvent.Stream.STDERR;
            case "command" -> PlatformEvent.Stream.COMMAND;
            case "stdout" -> PlatformEvent.Stream.STDOUT;
            default -> PlatformEvent.Stream.SYSTEM;
        };
        return List.of(new PlatformEvent.LogLine(id, at, stream, text));
    }

    private static final VercelWire.Payload NO_PAYLOAD = new VercelWire.Payload(null, null, null, null);

    /** The line's own member, else the payload's (the document's two shapes), else the fallback. */
    private static <T> T first(T top, T inPayload, T fallback) {
        return top != null ? top : inPayload != null ? inPayload : fallback;
    }

    private static String readyState(VercelWire.Info info) {
        return info == null ? null : info.readyState();
    }
}
