package dev.deploygateway.events;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/** Stream entry ids ({@code <millis>-<sequence>}): validation and ordering. */
public final class StreamIds {

    public static final String BEGINNING = "0-0";
    private static final Pattern FORMAT = Pattern.compile("\\d{1,19}-\\d{1,19}");

    /** Numeric order of ids, which is not their string order ({@code 9-0 < 10-0}). */
    public static final Comparator<String> ORDER = Comparator
            .comparingLong((String id) -> Long.parseUnsignedLong(id.substring(0, id.indexOf('-'))))
            .thenComparingLong(id -> Long.parseUnsignedLong(id.substring(id.indexOf('-') + 1)));

    private StreamIds() {
    }

    /** A client-supplied cursor, when it is a well-formed id. */
    public static Optional<String> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        return FORMAT.matcher(trimmed).matches() ? Optional.of(trimmed) : Optional.empty();
    }

    public static boolean isAfter(String id, String cursor) {
        return ORDER.compare(id, cursor) > 0;
    }
}
