package dev.deploygateway.deployment;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.platform.PlatformState;

/**
 * Maps a record, and every {@link RecordChange}, to store hash fields and back: the only place that knows the
 * field names. One field per attribute, so the owner's writes and a viewer's cancel request touch different
 * fields and never overwrite each other. {@code generation} and {@code journalSeq} belong to the store scripts.
 */
@ApplicationScoped
class DeploymentRecordCodec {

    static final String STATUS = "status";
    static final String GENERATION = "generation";
    private static final String CANCEL_REQUESTED = "cancelRequested";

    private final ObjectMapper json;

    DeploymentRecordCodec(ObjectMapper json) {
        this.json = json;
    }

    /** The fields of a new record (the creation script adds {@code generation}). */
    Map<String, String> fields(DeploymentRecord r) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", r.id());
        f.put("userId", r.userId());
        f.put("settings", write(r.settings()));
        f.put(STATUS, r.status().name());
        f.put("createdAt", r.createdAt().toString());
        f.put("updatedAt", r.updatedAt().toString());
        f.put("deadline", r.deadline().toString());
        f.put(CANCEL_REQUESTED, Boolean.toString(r.cancelRequested()));
        f.put("platformCalled", Boolean.toString(r.platformCalled()));
        r.envCipher().ifPresent(v -> f.put("envCipher", v));
        r.redeployOf().ifPresent(v -> f.put("redeployOf", v));
        return f;
    }

    /** The fields one change sets. */
    Map<String, String> fields(RecordChange change) {
        Map<String, String> f = new LinkedHashMap<>();
        if (change instanceof RecordChange.Progressed p) {
            f.put(STATUS, p.state().name());
            f.put("step", DeploymentError.step(p.step()));
            f.put("updatedAt", p.at().toString());
        } else if (change instanceof RecordChange.ProjectReady p) {
            f.put("platformProjectId", p.platformProjectId());
        } else if (change instanceof RecordChange.PlatformCalled) {
            f.put("platformCalled", "true");
        } else if (change instanceof RecordChange.Accepted a) {
            f.put("platformDeploymentId", a.platformDeploymentId());
            a.url().ifPresent(u -> f.put("url", u));
        } else if (change instanceof RecordChange.LogWritten w) {
            f.put("logCursor", write(w.cursor()));
        } else if (change instanceof RecordChange.Finished end) {
            f.put(STATUS, end.state().name());
            f.put("updatedAt", end.at().toString());
            f.put("finishedAt", end.at().toString());
            end.url().ifPresent(u -> f.put("url", u));
            end.error().ifPresent(e -> f.put("error", write(e)));
        }
        return f;
    }

    /** The field a viewer's cancel request sets. */
    Map<String, String> cancelRequest() {
        return Map.of(CANCEL_REQUESTED, "true");
    }

    Optional<DeploymentRecord> record(Map<String, String> f) {
        if (f.isEmpty() || !f.containsKey("id") || !f.containsKey("settings") || !f.containsKey(STATUS)) {
            return Optional.empty();
        }
        return Optional.of(new DeploymentRecord(
                f.get("id"),
                f.get("userId"),
                read(f.get("settings"), DeploymentSettings.class),
                PlatformState.valueOf(f.get(STATUS)),
                opt(f, "step"),
                opt(f, "url"),
                opt(f, "platformProjectId"),
                opt(f, "platformDeploymentId"),
                Instant.parse(f.get("createdAt")),
                Instant.parse(f.get("updatedAt")),
                opt(f, "finishedAt").map(Instant::parse),
                Instant.parse(f.get("deadline")),
                opt(f, "error").map(e -> read(e, DeploymentError.class)),
                opt(f, "envCipher"),
                Boolean.parseBoolean(f.get(CANCEL_REQUESTED)),
                opt(f, "redeployOf"),
                opt(f, "logCursor").map(c -> read(c, LogCursor.class)),
                Boolean.parseBoolean(f.get("platformCalled")),
                opt(f, GENERATION).map(Long::parseLong).orElse(1L)));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

    private static Optional<String> opt(Map<String, String> f, String name) {
        return Optional.ofNullable(f.get(name)).filter(v -> !v.isEmpty());
    }
}
