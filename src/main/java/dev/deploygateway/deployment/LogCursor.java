package dev.deploygateway.deployment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.deploygateway.platform.PlatformEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How far into the platform's own build log a deployment's event log reaches: the time of the newest line
 * written and the platform's ids of every line written at exactly that time. It is stored in the same atomic
 * step as the line itself, so an instance taking over resumes the platform's log from {@code at} and drops
 * exactly the lines already written — no line twice, none lost — however the platform treats an inclusive
 * {@code since}.
 */
@RegisterForReflection
public record LogCursor(Instant at, List<String> idsAt) {

    /** Lines sharing one timestamp beyond this are not remembered individually (they would all be dropped). */
    static final int MAX_IDS = 256;

    public LogCursor {
        idsAt = List.copyOf(idsAt);
    }

    /** The cursor after writing {@code line}. */
    LogCursor after(PlatformEvent.LogLine line) {
        if (line.at().isAfter(at)) {
            List<String> ids = line.platformEventId() == null ? List.of() : List.of(line.platformEventId());
            return new LogCursor(line.at(), ids);
        }
        if (line.platformEventId() == null || idsAt.contains(line.platformEventId()) || idsAt.size() >= MAX_IDS) {
            return this;
        }
        List<String> ids = new ArrayList<>(idsAt);
        ids.add(line.platformEventId());
        return new LogCursor(at, ids);
    }

    static LogCursor start(PlatformEvent.LogLine line) {
        return new LogCursor(Instant.EPOCH, List.of()).after(line);
    }

    /** Whether {@code line} was already written before this cursor was saved. */
    boolean covers(PlatformEvent.LogLine line) {
        if (line.at().isBefore(at)) {
            return true;
        }
        return line.at().equals(at) && line.platformEventId() != null && idsAt.contains(line.platformEventId());
    }
}
