package dev.deploygateway.api.deployment;

import java.util.List;
import java.util.Map;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.events.StreamIds;

/** Where a reader of a deployment's events resumes: {@code Last-Event-ID}, else {@code ?after=}, else the start. */
final class EventCursor {

    private EventCursor() {
    }

    /** The cursor; 400 {@code VALIDATION_FAILED} when the client sent something that is not an event id. */
    static String of(String lastEventId, String after) {
        String raw = lastEventId != null && !lastEventId.isBlank() ? lastEventId : after;
        if (raw == null || raw.isBlank()) {
            return StreamIds.BEGINNING;
        }
        return StreamIds.parse(raw).orElseThrow(() -> new GatewayException(ErrorCode.VALIDATION_FAILED,
                "Last-Event-ID / after must be an event id this API issued.",
                Map.of("errors", List.of(DeploymentRequestValidator.error("after", "is not an event id"))), Map.of(),
                null));
    }
}
