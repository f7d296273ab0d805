package dev.deploygateway.sandbox.render;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One deploy of a service: its status (the document's {@code deployStatus}), the commit it builds, the files it read
 * from the repository and, for tests, the env var names its build saw. Mutable under its own lock; a timer id lets a
 * cancel stop the build.
 */
final class RndDeploy {

    static final Set<String> TERMINAL = Set.of("live", "deactivated", "build_failed", "update_failed",
            "pre_deploy_failed", "canceled");

    final String id = RndIds.of("dep");
    final String serviceId;
    final String trigger;
    final Instant createdAt = Instant.now();
    volatile String status = "created";
    volatile String commitId;
    volatile String commitMessage;
    volatile Instant startedAt;
    volatile Instant finishedAt;
    volatile Instant updatedAt = createdAt;
    volatile Map<String, byte[]> files = Map.of();
    volatile List<String> buildEnv = List.of();
    volatile long timerId = -1;

    RndDeploy(String serviceId, String trigger, String commitId) {
        this.serviceId = serviceId;
        this.trigger = trigger;
        this.commitId = commitId;
    }

    synchronized boolean terminal() {
        return TERMINAL.contains(status);
    }

    /** Moves to {@code next} unless already terminal; false when it was. */
    synchronized boolean change(String next) {
        if (TERMINAL.contains(status)) {
            return false;
        }
        status = next;
        updatedAt = Instant.now();
        if ("build_in_progress".equals(next) && startedAt == null) {
            startedAt = updatedAt;
        }
        if (TERMINAL.contains(next)) {
            finishedAt = updatedAt;
        }
        return true;
    }
}
