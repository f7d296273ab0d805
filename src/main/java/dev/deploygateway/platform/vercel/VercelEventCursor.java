package dev.deploygateway.platform.vercel;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformState;

/**
 * Decodes event lines of one watch and remembers where it is: the newest {@code created} seen and the ids seen
 * at that millisecond. A resumed stream starts at {@code since = newest} (inclusive), and lines already seen
 * are dropped, so nothing is repeated or lost whichever way the server treats {@code since}.
 */
final class VercelEventCursor {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        JsonNode event;
        try {
            event = JSON.readTree(line);
        } catch (Exception e) {
            return List.of();
        }
        JsonNode payload = event.path("payload");
        long created = event.path("created").asLong(payload.path("created").asLong(0));
        if (created == 0) {
            return List.of();
        }
        String id = event.path("id").asText(payload.path("id").asText(""));
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
        String type = event.path("type").asText("");
        if ("deployment-state".equals(type)) {
            String raw = event.path("info").path("readyState")
                    .asText(payload.path("info").path("readyState").asText(""));
            return VercelStates.map(raw).filter(s -> s != lastState).map(s -> {
                lastState = s;
                return List.<PlatformEvent>of(new PlatformEvent.StateChange(s, raw, at));
            }).orElse(List.of());
        }
        JsonNode textNode = event.has("text") ? event.get("text") : payload.get("text");
        if (textNode == null || textNode.isNull()) {
            return List.of();
        }
        PlatformEvent.Stream stream = switch (type) {
            case "stderr", "fatal" -> PlatformEvent.Stream.STDERR;
            case "command" -> PlatformEvent.Stream.COMMAND;
            case "stdout" -> PlatformEvent.Stream.STDOUT;
            default -> PlatformEvent.Stream.SYSTEM;
        };
        return List.of(new PlatformEvent.LogLine(id, at, stream, textNode.asText()));
    }
}
