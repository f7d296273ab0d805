package dev.deploygateway.sandbox.render;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service: a {@code static_site} or {@code web_service} built from a repository and branch, its env vars and the
 * settings its builds use. Mutable under its own lock.
 */
final class RndService {

    final String id = RndIds.of("srv");
    final String ownerId;
    final String name;
    final String slug;
    final String type;
    final String repo;
    final String branch;
    final String rootDir;
    final String autoDeploy;
    final Instant createdAt = Instant.now();
    final Map<String, String> details;
    private final Map<String, String> env = new LinkedHashMap<>();
    volatile Instant updatedAt = createdAt;

    /** {@code details}: buildCommand, publishPath (static) or runtime, plan, region, startCommand (web). */
    RndService(String ownerId, String name, String type, String repo, String branch, String rootDir,
            String autoDeploy, Map<String, String> details) {
        this.ownerId = ownerId;
        this.name = name;
        this.slug = name + "-" + id.substring(4, 8);
        this.type = type;
        this.repo = repo;
        this.branch = branch;
        this.rootDir = rootDir == null ? "" : rootDir;
        this.autoDeploy = autoDeploy == null ? "yes" : autoDeploy;
        this.details = Map.copyOf(details);
    }

    boolean staticSite() {
        return "static_site".equals(type);
    }

    String detail(String key, String fallback) {
        return details.getOrDefault(key, fallback);
    }

    synchronized void putEnv(String key, String value) {
        env.put(key, value);
        updatedAt = Instant.now();
    }

    synchronized Map<String, String> env() {
        return Map.copyOf(env);
    }
}
