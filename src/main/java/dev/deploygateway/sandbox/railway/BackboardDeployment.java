package dev.deploygateway.sandbox.railway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.deploygateway.sandbox.BuildSteps;

/**
 * One deployment: its status, the unpacked snapshot and the build log. Mutations happen under the deployment's
 * monitor; followers (websocket subscriptions) are told about every new line and status change.
 */
final class BackboardDeployment implements BuildSteps.Build {

    static final Set<String> TERMINAL = Set.of("SUCCESS", "FAILED", "CRASHED", "REMOVED", "SKIPPED");

    /** A build log line; timestamps are strictly increasing within a deployment (the CLI de-duplicates by them). */
    record LogLine(Instant timestamp, String message, String severity) {
    }

    /** Scripted outcomes chosen by marker files in the upload. */
    record Scenario(boolean failBuild, boolean crash, boolean slowBuild, boolean dropSocket) {
    }

    interface Follower {
        void lines(List<LogLine> lines);

        void status(BackboardDeployment deployment);
    }

    final String id;
    final String projectId;
    final String environmentId;
    final String serviceId;
    final Map<String, byte[]> files;
    final Scenario scenario;
    final Instant createdAt = Instant.now();
    final String domain;
    volatile String status = "QUEUED";
    volatile Instant statusUpdatedAt = createdAt;
    volatile long timerId = -1;
    /** Set by a cancel; later build steps may no longer change the status. */
    volatile boolean canceled;
    /** Reached SUCCESS once: such a deployment can be rolled back to later, even after it was REMOVED. */
    volatile boolean succeeded;
    private final List<LogLine> logs = new ArrayList<>();
    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private Instant lastTimestamp = Instant.EPOCH;

    BackboardDeployment(String id, String projectId, String environmentId, String serviceId, Map<String, byte[]> files,
            Scenario scenario, String domain) {
        this.id = id;
        this.projectId = projectId;
        this.environmentId = environmentId;
        this.serviceId = serviceId;
        this.files = Map.copyOf(files);
        this.scenario = scenario;
        this.domain = domain;
    }

    boolean terminal() {
        return TERMINAL.contains(status);
    }

    @Override
    public boolean ended() {
        return terminal();
    }

    @Override
    public void pendingTimer(long id) {
        timerId = id;
    }

    synchronized void log(String message, String severity) {
        Instant now = Instant.now();
        lastTimestamp = now.isAfter(lastTimestamp) ? now : lastTimestamp.plusNanos(1000);
        var line = new LogLine(lastTimestamp, message, severity);
        logs.add(line);
        followers.forEach(f -> f.lines(List.of(line)));
    }

    synchronized void changeStatus(String next) {
        if (canceled && !"REMOVED".equals(next)) {
            return; // a build step that raced with the cancel does not bring the deployment back
        }
        status = next;
        succeeded |= "SUCCESS".equals(next);
        statusUpdatedAt = Instant.now();
        followers.forEach(f -> f.status(this));
    }

    synchronized List<LogLine> logs() {
        return List.copyOf(logs);
    }

    /** Registers a follower and returns the backlog atomically, so no line falls between the two. */
    synchronized List<LogLine> follow(Follower follower) {
        followers.add(follower);
        return List.copyOf(logs);
    }

    void unfollow(Follower follower) {
        followers.remove(follower);
    }
}
