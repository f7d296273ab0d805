package dev.deploygateway.events;

import java.util.List;

/**
 * Events of one deployment after a cursor, for a long poll. {@code ended} is true when nothing follows them:
 * the batch holds the {@code end} event, or the cursor was already at or past it.
 */
public record EventBatch(List<DeploymentEvent> events, boolean ended) {

    public EventBatch {
        events = List.copyOf(events);
    }
}
