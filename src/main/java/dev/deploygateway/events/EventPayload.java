package dev.deploygateway.events;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The JSON payloads of each event kind, as documented in {@code docs/api.md}. */
public sealed interface EventPayload {

    EventKind kind();

    /** The deployment moved to {@code status}; {@code step} names the pipeline step, when there is one. */
    @RegisterForReflection
    record Status(String status, String step, String message, Instant at) implements EventPayload {
        public EventKind kind() {
            return EventKind.STATUS;
        }
    }

    /** One build log line (already redacted and length-capped). */
    @RegisterForReflection
    record Log(String text, String stream, Instant at) implements EventPayload {
        public EventKind kind() {
            return EventKind.LOG;
        }
    }

    /** Upload progress. */
    @RegisterForReflection
    record Progress(String step, int filesDone, int filesTotal, long bytesDone,
            long bytesTotal) implements EventPayload {
        public EventKind kind() {
            return EventKind.PROGRESS;
        }
    }

    /** Something the viewer should notice that does not stop the deployment. */
    @RegisterForReflection
    record Warning(String message) implements EventPayload {
        public EventKind kind() {
            return EventKind.WARNING;
        }
    }

    /** Why the deployment failed, in the error taxonomy. */
    @RegisterForReflection
    record Error(String code, String step, boolean retryable, String message) implements EventPayload {
        public EventKind kind() {
            return EventKind.ERROR;
        }
    }

    /** The last event of every deployment: its terminal status and, when READY, its URL. */
    @RegisterForReflection
    record End(String status, String url) implements EventPayload {
        public EventKind kind() {
            return EventKind.END;
        }
    }
}
