package dev.deploygateway.platform.render;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;

/** Render's timestamps are RFC 3339 with any offset ({@code 2021-07-15T07:20:05.777035-07:00}). */
final class RenderLogTimes {

    /** Log entries oldest first. */
    static final Comparator<RenderWire.Log> ORDER = Comparator.comparing(log -> parse(log.timestamp())
            .orElse(Instant.EPOCH));

    private RenderLogTimes() {
    }

    static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
