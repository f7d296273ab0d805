package dev.deploygateway.sandbox.vercel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.deploygateway.sandbox.BuildSteps;

/** A sandbox deployment and its event log; all mutation happens under the instance lock. */
final class SandboxDeployment implements BuildSteps.Build {

    /** Someone reading the live event stream. */
    interface Follower {
        void event(SandboxEvent event);

        void end();
    }

    /** Behaviour chosen by marker files in the upload (see docs/platforms.md). */
    record Scenario(boolean failBuild, boolean slowBuild, boolean cutStream) {
    }

    final String id;
    final String buildId;
    final String host;
    final String name;
    final String projectId;
    final String ownerId;
    /** The owning team, for the {@code team} member of the full deployment object; empty for personal accounts. */
    final Optional<SandboxAccounts.Team> team;
    final String creatorId;
    final String creatorName;
    final String target;
    final long createdAt;
    final Map<String, String> files;
    final Map<String, String> meta;
    final Map<String, Object> projectSettings;
    final Scenario scenario;
    /** Volatile so lock-free readers (eviction, site lookup) see the latest value. */
    volatile String readyState = "QUEUED";
    long buildingAt;
    long ready;
    boolean aliasAssigned;
    volatile List<String> alias = List.of();
    String errorCode;
    String errorMessage;
    long timerId = -1;
    final List<SandboxEvent> events = new ArrayList<>();
    final List<Follower> followers = new ArrayList<>();
    private int serial;

    SandboxDeployment(String id, String host, String name, String projectId, SandboxCaller.Caller caller,
            String target, long createdAt, Map<String, String> files, Map<String, String> meta,
            Map<String, Object> projectSettings, Scenario scenario) {
        this.id = id;
        this.buildId = SandboxIds.id("bld_");
        this.host = host;
        this.name = name;
        this.projectId = projectId;
        this.ownerId = caller.ownerId();
        this.team = caller.team();
        this.creatorId = caller.user().id();
        this.creatorName = caller.user().username();
        this.target = target;
        this.createdAt = createdAt;
        this.files = Map.copyOf(files);
        this.meta = Map.copyOf(meta);
        this.projectSettings = projectSettings;
        this.scenario = scenario;
    }

    @Override
    public boolean ended() {
        return finished();
    }

    @Override
    public synchronized void pendingTimer(long id) {
        timerId = id;
    }

    /** Lock-free variant of {@link #terminal()} for callers holding other locks. */
    boolean finished() {
        String state = readyState;
        return "READY".equals(state) || "ERROR".equals(state) || "CANCELED".equals(state);
    }

    synchronized boolean terminal() {
        return "READY".equals(readyState) || "ERROR".equals(readyState) || "CANCELED".equals(readyState);
    }

    /** Appends an event and hands it to every live follower. */
    synchronized SandboxEvent append(String type, String text, String level, String state) {
        long now = System.currentTimeMillis();
        var event = new SandboxEvent(SandboxIds.lower(20), now, ++serial, type, text, level, state);
        events.add(event);
        List.copyOf(followers).forEach(f -> f.event(event));
        return event;
    }

    synchronized void changeState(String state) {
        readyState = state;
        append("deployment-state", null, null, state);
        if (terminal()) {
            List.copyOf(followers).forEach(Follower::end);
            followers.clear();
        }
    }

    /**
     * Atomically snapshots the events matching {@code since} and, unless the deployment is finished,
     * registers the follower for everything after the snapshot (nothing is missed in between).
     */
    synchronized List<SandboxEvent> follow(long since, Follower follower) {
        List<SandboxEvent> backlog = events.stream().filter(e -> e.created() >= since).toList();
        if (!terminal()) {
            followers.add(follower);
        }
        return backlog;
    }

    synchronized void unfollow(Follower follower) {
        followers.remove(follower);
    }

    synchronized List<SandboxEvent> events() {
        return List.copyOf(events);
    }
}
