package dev.deploygateway.events;

import java.util.Locale;
import java.util.Optional;

/** The kinds of deployment events; the lowercase name is the SSE {@code event:} field. */
public enum EventKind {
    STATUS, LOG, PROGRESS, WARNING, ERROR, END;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EventKind> fromWire(String name) {
        for (EventKind kind : values()) {
            if (kind.wireName().equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
