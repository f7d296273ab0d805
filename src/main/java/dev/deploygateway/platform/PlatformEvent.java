package dev.deploygateway.platform;

import java.time.Instant;

/**
 * What a platform's build/deploy feed says, normalised. The {@code deployment} room turns these into the
 * gateway's SSE events (redacting secrets first).
 */
public sealed interface PlatformEvent {

    /** When the platform says it happened. */
    Instant at();

    /**
     * One line of build output.
     *
     * @param platformEventId the platform's id for the line, used to de-duplicate after a reconnect
     */
    record LogLine(String platformEventId, Instant at, Stream stream, String text) implements PlatformEvent {
    }

    /** The deployment moved to another state; {@code platformState} is the raw value it was mapped from. */
    record StateChange(PlatformState state, String platformState, Instant at) implements PlatformEvent {
    }

    /** Something worth showing that is neither a log line nor a state (e.g. a dropped log stream was resumed). */
    record Notice(String text, Instant at) implements PlatformEvent {
    }

    /** Where a log line came from. */
    enum Stream {
        STDOUT, STDERR, COMMAND, SYSTEM
    }
}
