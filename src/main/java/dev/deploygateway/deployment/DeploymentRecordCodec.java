package dev.deploygateway.deployment;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.platform.PlatformState;

/**
 * Maps a record to store hash fields and back. One field per attribute, so that the owner's status updates and
 * a viewer's cancel request touch different fields and never overwrite each other.
 */
@ApplicationScoped
class DeploymentRecordCodec {

    private final ObjectMapper json;

    DeploymentRecordCodec(ObjectMapper json) {
        this.json = json;
    }

    Map<String, String> fields(DeploymentRecord r) {
        Map<String, String> f = new HashMap<>();
        f.put("id", r.id());
        f.put("userId", r.userId());
        f.put("settings", write(r.settings()));
        f.put("status", r.status().name());
        f.put("createdAt", r.createdAt().toString());
        f.put("updatedAt", r.updatedAt().toString());
        f.put("deadline", r.deadline().toString());
        f.put("cancelRequested", Boolean.toString(r.cancelRequested()));
        r.step().ifPresent(v -> f.put("step", v));
        r.url().ifPresent(v -> f.put("url", v));
        r.platformProjectId().ifPresent(v -> f.put("platformProjectId", v));
        r.platformDeploymentId().ifPresent(v -> f.put("platformDeploymentId", v));
        r.finishedAt().ifPresent(v -> f.put("finishedAt", v.toString()));
        r.error().ifPresent(v -> f.put("error", write(v)));
        r.envCipher().ifPresent(v -> f.put("envCipher", v));
        r.redeployOf().ifPresent(v -> f.put("redeployOf", v));
        r.lastPlatformEventAt().ifPresent(v -> f.put("lastPlatformEventAt", v.toString()));
        r.lastPlatformEventId().ifPresent(v -> f.put("lastPlatformEventId", v));
        return f;
    }

    Optional<DeploymentRecord> record(Map<String, String> f) {
        if (f.isEmpty() || !f.containsKey("id") || !f.containsKey("settings")) {
            return Optional.empty();
        }
        return Optional.of(new DeploymentRecord(
                f.get("id"),
                f.get("userId"),
                read(f.get("settings"), DeploymentSettings.class),
                PlatformState.valueOf(f.get("status")),
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
                Boolean.parseBoolean(f.get("cancelRequested")),
                opt(f, "redeployOf"),
                opt(f, "lastPlatformEventAt").map(Instant::parse),
                opt(f, "lastPlatformEventId")));
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
