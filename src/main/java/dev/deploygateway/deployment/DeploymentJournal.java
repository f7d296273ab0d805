package dev.deploygateway.deployment;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import dev.deploygateway.events.EventLog;
import dev.deploygateway.events.EventPayload;
import dev.deploygateway.events.SecretRedactor;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformState;
import io.smallrye.mutiny.Uni;

/**
 * Everything the owner of one running deployment writes: record updates and events, applied strictly in the
 * order they were issued (a chain of store writes), so viewers never see a status before the log line that led
 * to it. Log lines are redacted and length-capped here, the single point they pass through.
 */
final class DeploymentJournal {

    private static final Logger LOG = Logger.getLogger(DeploymentJournal.class);

    private final String deploymentId;
    private final EventLog log;
    private final DeploymentRepository repository;
    private final SecretRedactor redactor;
    private final int maxLineLength;
    private Uni<Void> tail = Uni.createFrom().voidItem();
    private PlatformState status;

    DeploymentJournal(String deploymentId, PlatformState status, EventLog log, DeploymentRepository repository,
            SecretRedactor redactor, int maxLineLength) {
        this.deploymentId = deploymentId;
        this.status = status;
        this.log = log;
        this.repository = repository;
        this.redactor = redactor;
        this.maxLineLength = maxLineLength;
    }

    synchronized PlatformState status() {
        return status;
    }

    /** Moves to {@code next} (no event when unchanged and no message). */
    void status(PlatformState next, String step, String message) {
        synchronized (this) {
            if (next == status && message == null) {
                return;
            }
            status = next;
        }
        Instant now = Instant.now();
        enqueue(() -> repository.update(deploymentId, Map.of("status", next.name(), "step", step,
                "updatedAt", now.toString()))
                .chain(() -> append(new EventPayload.Status(next.name(), step, message, now))));
    }

    void record(Map<String, String> fields) {
        enqueue(() -> repository.update(deploymentId, fields));
    }

    void log(PlatformEvent.LogLine line) {
        String text = redactor.redact(line.text());
        if (text.length() > maxLineLength) {
            text = text.substring(0, maxLineLength) + " …[line truncated]";
        }
        EventPayload.Log payload = new EventPayload.Log(text, line.stream().name().toLowerCase(), line.at());
        enqueue(() -> append(payload));
    }

    void progress(int filesDone, int filesTotal, long bytesDone, long bytesTotal) {
        enqueue(() -> append(new EventPayload.Progress("upload", filesDone, filesTotal, bytesDone, bytesTotal)));
    }

    void warning(String message) {
        enqueue(() -> append(new EventPayload.Warning(redactor.redact(message))));
    }

    /** Ends the deployment: final record fields, an error event when failed, and the end event. */
    Uni<Void> finish(PlatformState terminal, Optional<String> url, Optional<DeploymentError> error,
            DeploymentRecordCodec codec) {
        synchronized (this) {
            status = terminal;
        }
        Instant now = Instant.now();
        Map<String, String> fields = new HashMap<>();
        fields.put("status", terminal.name());
        fields.put("updatedAt", now.toString());
        fields.put("finishedAt", now.toString());
        url.ifPresent(u -> fields.put("url", u));
        error.ifPresent(e -> fields.put("error", codec.write(redacted(e))));
        enqueue(() -> repository.update(deploymentId, fields)
                .chain(() -> error.map(e -> append(new EventPayload.Error(e.code(), e.step(), e.retryable(),
                        redactor.redact(e.message())))).orElse(Uni.createFrom().voidItem()))
                .chain(() -> append(new EventPayload.End(terminal.name(), url.orElse(null)))));
        return flush();
    }

    /** Completes when everything issued so far is written. */
    synchronized Uni<Void> flush() {
        return tail;
    }

    private DeploymentError redacted(DeploymentError e) {
        return new DeploymentError(e.code(), e.step(), e.retryable(), redactor.redact(e.message()));
    }

    private Uni<Void> append(EventPayload payload) {
        return log.append(deploymentId, payload).replaceWithVoid();
    }

    private synchronized void enqueue(Supplier<Uni<Void>> write) {
        tail = tail.onItemOrFailure().transformToUni((ignored, failure) -> write.get())
                .onFailure().invoke(f -> LOG.warnf("deployment %s: journal write failed: %s", deploymentId,
                        f.toString()))
                .onFailure().recoverWithNull()
                .memoize().indefinitely();
        tail.subscribe().with(ignored -> {
        });
    }
}
