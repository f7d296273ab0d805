package dev.deploygateway.sandbox.vercel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A sandbox project; mutable under its own lock. */
final class SandboxProject {

    record Env(String id, String key, String value, String type, List<String> target, long createdAt) {
    }

    final String id;
    final String name;
    final String ownerId;
    final long createdAt;
    long updatedAt;
    /** Null until the project has build settings (from creation or a first deployment's projectSettings). */
    Map<String, Object> settings;
    final List<Env> env = new ArrayList<>();
    String productionDeploymentId;

    SandboxProject(String id, String name, String ownerId, long now, Map<String, Object> settings) {
        this.id = id;
        this.name = name;
        this.ownerId = ownerId;
        this.createdAt = now;
        this.updatedAt = now;
        this.settings = settings;
    }

    synchronized Optional<Env> env(String key) {
        return env.stream().filter(e -> e.key().equals(key)).findFirst();
    }
}
