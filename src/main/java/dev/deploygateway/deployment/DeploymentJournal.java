package dev.deploygateway.deployment;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.deploygateway.events.EventLog;
import dev.deploygateway.events.EventPayload;
import dev.deploygateway.events.SecretRedactor;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/**
 * What the owner of one running deployment says, in the domain's words: record changes and the events viewers
 * see, written in order through one {@link JournalBuffer}. Log lines are redacted and length-capped here, the
 * single point they pass through; a log line and the {@link LogCursor} that covers it are one entry, so a
 * takeover neither repeats nor skips a line. Each method adds its entry at once and returns the buffer's
 * back-pressure (completes at once unless the store has fallen behind).
 */
final class DeploymentJournal {

    private static final Map<String, String> NO_FIELDS = Map.of();

    private final JournalBuffer buffer;
    private final EventLog events;
    private final DeploymentRecordCodec codec;
    private final SecretRedactor redactor;
    private final int maxLineLength;
    private PlatformState status;

    DeploymentJournal(JournalBuffer buffer, EventLog events, DeploymentRecordCodec codec, SecretRedactor redactor,
            int maxLineLength, PlatformState status) {
        this.buffer = buffer;
        this.events = events;
        this.codec = codec;
        this.redactor = redactor;
        this.maxLineLength = maxLineLength;
        this.status = status;
    }

    /** Moves to {@code next} in {@code step}; no event when the state is unchanged and there is no message. */
    Uni<Void> progressed(PlatformState next, PlatformStep step, String message) {
        synchronized (this) {
            if (next == status && message == null) {
                return Uni.createFrom().voidItem();
            }
            status = next;
        }
        Instant now = Instant.now();
        return append(codec.fields(new RecordChange.Progressed(next, step, now)),
                new EventPayload.Status(next.name(), DeploymentError.step(step), message, now));
    }

    /** A record change without an event. */
    Uni<Void> change(RecordChange change) {
        return buffer.append(codec.fields(change), "", "");
    }

    /** One build line, and the cursor after it, as one entry. */
    Uni<Void> log(PlatformEvent.LogLine line, LogCursor cursor) {
        String text = redactor.redact(line.text());
        if (text.length() > maxLineLength) {
            text = text.substring(0, maxLineLength) + " …[line truncated]";
        }
        EventPayload.Log payload = new EventPayload.Log(text, line.stream().name().toLowerCase(), line.at());
        return append(codec.fields(new RecordChange.LogWritten(cursor)), payload);
    }

    /** How far the step sending the source ({@code UPLOAD}, or {@code PUSH} to a source host) has come. */
    Uni<Void> progress(PlatformStep step, int filesDone, int filesTotal, long bytesDone, long bytesTotal) {
        return append(NO_FIELDS, new EventPayload.Progress(DeploymentError.step(step), filesDone, filesTotal,
                bytesDone, bytesTotal));
    }

    Uni<Void> warning(String message) {
        return append(NO_FIELDS, new EventPayload.Warning(redactor.redact(message)));
    }

    /**
     * Ends the deployment: an error event when failed, then the final record fields together with the
     * {@code end} event (after which the store accepts nothing more). Completes once all of it is stored.
     */
    Uni<Void> finish(PlatformState terminal, Optional<String> url, Optional<DeploymentError> error) {
        synchronized (this) {
            status = terminal;
        }
        Optional<DeploymentError> redacted = error.map(e -> new DeploymentError(e.code(), e.step(), e.retryable(),
                redactor.redact(e.message())));
        redacted.ifPresent(e -> append(NO_FIELDS,
                new EventPayload.Error(e.code(), e.step(), e.retryable(), e.message())));
        append(codec.fields(new RecordChange.Finished(terminal, url, redacted, Instant.now())),
                new EventPayload.End(terminal.name(), url.orElse(null)));
        return buffer.durable();
    }

    /** Completes when everything said so far is stored. */
    Uni<Void> durable() {
        return buffer.durable();
    }

    private Uni<Void> append(Map<String, String> fields, EventPayload payload) {
        return buffer.append(fields, payload.kind().wireName(), events.encode(payload));
    }
}
