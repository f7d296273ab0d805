package dev.deploygateway.events;

/**
 * One event of a deployment's log. {@code data} is the JSON payload exactly as sent to viewers; it is always a
 * single line (JSON escapes CR and LF), so no log text can forge SSE fields or events.
 */
public record DeploymentEvent(String id, EventKind kind, String data) {

    public boolean isEnd() {
        return kind == EventKind.END;
    }
}
