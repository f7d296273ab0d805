package dev.deploygateway.sandbox.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.Vertx;

/**
 * The deploy state machine: {@code created → queued → build_in_progress → [update_in_progress →] live}, or
 * {@code build_failed}, with a build log written alongside. The build reads the commit's files from GitHub over HTTP
 * ({@link RndRepositories}); it records which env vars existed when it started (names only, in the log too). One
 * step per Vert.x timer tick ({@code sandbox.render.step-delay}); nothing sleeps. A new live deploy deactivates the
 * service's previous one. Markers in the repository select scenarios: {@code .sandbox/fail-build},
 * {@code .sandbox/slow-build}, {@code .sandbox/drop-socket}.
 */
@ApplicationScoped
class RndBuilds {

    static final String FAIL_MARKER = ".sandbox/fail-build";
    static final String SLOW_MARKER = ".sandbox/slow-build";
    static final String DROP_MARKER = ".sandbox/drop-socket";

    private final Vertx vertx;
    private final RndConfig config;
    private final RndStore store;
    private final RndLogs logs;
    private final RndRepositories repositories;
    private final AtomicLong started = new AtomicLong();

    RndBuilds(Vertx vertx, RndConfig config, RndStore store, RndLogs logs, RndRepositories repositories) {
        this.vertx = vertx;
        this.config = config;
        this.store = store;
        this.logs = logs;
        this.repositories = repositories;
    }

    /** Starts a build of {@code commit} (the branch's head when null). */
    RndDeploy build(RndService service, String commit, String trigger) {
        var deploy = new RndDeploy(service.id, trigger, commit);
        store.add(deploy);
        started.incrementAndGet();
        step(deploy, service, () -> {
            deploy.change("queued");
            step(deploy, service, () -> clone(deploy, service));
        });
        return deploy;
    }

    /** A rollback: the target's files go live again without a build. */
    RndDeploy rollback(RndService service, RndDeploy target) {
        var deploy = new RndDeploy(service.id, "rollback", target.commitId);
        deploy.commitMessage = target.commitMessage;
        deploy.files = target.files;
        store.add(deploy);
        run(deploy, service, List.of(() -> {
            deploy.change("update_in_progress");
            log(service, "==> Rolling back to " + target.id);
        }, () -> live(deploy, service)));
        return deploy;
    }

    boolean cancel(RndService service, RndDeploy deploy) {
        synchronized (deploy) {
            if (deploy.terminal()) {
                return false;
            }
            vertx.cancelTimer(deploy.timerId);
            deploy.change("canceled");
        }
        logs.write(service.id, "warn", "==> Deploy canceled");
        return true;
    }

    long startedCount() {
        return started.get();
    }

    /** Whether the service's newest deploy asked for its log sockets to be cut. */
    boolean dropsSockets(String serviceId) {
        return store.deploysOf(serviceId).stream().findFirst().map(d -> d.files.containsKey(DROP_MARKER))
                .orElse(false);
    }

    private void clone(RndDeploy deploy, RndService service) {
        if (!deploy.change("build_in_progress")) {
            return;
        }
        log(service, "==> Cloning from " + service.repo);
        repositories.read(service.repo, service.branch, deploy.commitId).whenComplete((snapshot, failure) -> {
            if (failure != null) {
                error(service, "==> Unable to clone " + service.repo + ": the repository was not found, or Render "
                        + "has no access to it");
                deploy.change("build_failed");
                return;
            }
            deploy.commitId = snapshot.commit();
            deploy.commitMessage = snapshot.message();
            deploy.files = snapshot.files();
            run(deploy, service, script(deploy, service));
        });
    }

    private List<Runnable> script(RndDeploy deploy, RndService service) {
        var steps = new ArrayList<Runnable>();
        Map<String, byte[]> files = deploy.files;
        steps.add(() -> log(service, "==> Checking out commit " + deploy.commitId + " in branch " + service.branch));
        steps.add(() -> {
            deploy.buildEnv = service.env().keySet().stream().sorted().toList();
            log(service, "==> Environment variables: " + (deploy.buildEnv.isEmpty() ? "(none)"
                    : String.join(", ", deploy.buildEnv)));
        });
        String build = service.detail("buildCommand", "");
        if (!build.isBlank()) {
            steps.add(() -> log(service, "==> Running build command '" + build + "'..."));
        }
        if (files.containsKey(FAIL_MARKER)) {
            steps.add(() -> error(service, "Error: simulated build failure (" + FAIL_MARKER + " present)"));
            steps.add(() -> {
                error(service, "==> Build failed 😞");
                deploy.change("build_failed");
            });
            return steps;
        }
        if (service.staticSite()) {
            String publish = RndSites.prefix(service.detail("publishPath", "."));
            boolean published = files.keySet().stream().anyMatch(p -> p.startsWith(publish));
            steps.add(() -> log(service, "==> Uploading build..."));
            steps.add(() -> {
                if (!published) {
                    error(service, "==> Publish directory " + service.detail("publishPath", ".") + " does not exist!");
                    deploy.change("build_failed");
                    return;
                }
                live(deploy, service);
            });
            return steps;
        }
        steps.add(() -> log(service, "==> Build successful 🎉"));
        steps.add(() -> {
            deploy.change("update_in_progress");
            log(service, "==> Deploying...");
        });
        steps.add(() -> log(service, "==> Running '" + service.detail("startCommand", "") + "'"));
        steps.add(() -> live(deploy, service));
        return steps;
    }

    private void live(RndDeploy deploy, RndService service) {
        if (!deploy.change("live")) {
            return;
        }
        for (RndDeploy other : store.deploysOf(service.id)) {
            synchronized (other) {
                if (other != deploy && "live".equals(other.status)) {
                    other.status = "deactivated";
                }
            }
        }
        log(service, service.staticSite() ? "==> Your site is live 🎉" : "==> Your service is live 🎉");
    }

    private void run(RndDeploy deploy, RndService service, List<Runnable> steps) {
        runFrom(deploy, service, steps, 0);
    }

    private void runFrom(RndDeploy deploy, RndService service, List<Runnable> steps, int index) {
        if (index < steps.size()) {
            step(deploy, service, () -> {
                steps.get(index).run();
                runFrom(deploy, service, steps, index + 1);
            });
        }
    }

    /** Runs {@code next} one tick later, unless the deploy ended meanwhile (a cancel). */
    private void step(RndDeploy deploy, RndService service, Runnable next) {
        long delay = config.stepDelay().toMillis() * (deploy.files.containsKey(SLOW_MARKER)
                ? config.slowBuildFactor() : 1);
        synchronized (deploy) {
            if (deploy.terminal()) {
                return;
            }
            deploy.timerId = vertx.setTimer(Math.max(1, delay), id -> {
                if (!deploy.terminal()) {
                    next.run();
                }
            });
        }
    }

    private void log(RndService service, String line) {
        logs.write(service.id, "info", line);
    }

    private void error(RndService service, String line) {
        logs.write(service.id, "error", line);
    }
}
