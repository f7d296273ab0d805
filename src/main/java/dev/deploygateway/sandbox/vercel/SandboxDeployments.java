package dev.deploygateway.sandbox.vercel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.sandbox.BuildSteps;
import io.vertx.core.Vertx;

/**
 * Deployments and their simulated builds. Each build is a script of steps run one per timer tick
 * ({@code sandbox.vercel.step-delay}) on Vert.x timers: no thread ever sleeps.
 */
@ApplicationScoped
class SandboxDeployments {

    static final String FAIL_MARKER = ".sandbox/fail-build";
    static final String SLOW_MARKER = ".sandbox/slow-build";
    static final String CUT_MARKER = ".sandbox/cut-stream";

    private final Map<String, SandboxDeployment> byId = new LinkedHashMap<>();
    private final AtomicLong created = new AtomicLong();
    private final Vertx vertx;
    private final BuildSteps steps;
    private final SandboxVercelConfig config;
    private final SandboxProjects projects;

    SandboxDeployments(Vertx vertx, SandboxVercelConfig config, SandboxProjects projects) {
        this.vertx = vertx;
        this.steps = new BuildSteps(vertx);
        this.config = config;
        this.projects = projects;
    }

    SandboxDeployment start(SandboxProject project, SandboxCaller.Caller caller, String target,
            Map<String, String> files, Map<String, String> meta) {
        var scenario = new SandboxDeployment.Scenario(files.containsKey(FAIL_MARKER), files.containsKey(SLOW_MARKER),
                files.containsKey(CUT_MARKER));
        String host = project.name + "-" + SandboxIds.lower(9) + ".vercel.app";
        var deployment = new SandboxDeployment(SandboxIds.id("dpl_"), host, project.name, project.id, caller, target,
                System.currentTimeMillis(), files, meta, project.settings == null ? Map.of() : project.settings,
                scenario);
        synchronized (this) {
            byId.put(deployment.id, deployment);
            evictFinished();
        }
        created.incrementAndGet();
        deployment.changeState("QUEUED");
        long delay = config.stepDelay().toMillis() * (deployment.scenario.slowBuild() ? config.slowBuildFactor() : 1);
        steps.run(deployment, script(deployment, project), Duration.ofMillis(delay));
        return deployment;
    }

    synchronized Optional<SandboxDeployment> find(String ownerId, String idOrUrl) {
        SandboxDeployment d = byId.get(idOrUrl);
        if (d == null) {
            String host = idOrUrl.replaceFirst("^https?://", "");
            d = byId.values().stream().filter(x -> x.host.equals(host) || x.alias.contains(host)).reduce((a, b) -> b)
                    .orElse(null);
        }
        return Optional.ofNullable(d).filter(x -> ownerId == null || x.ownerId.equals(ownerId));
    }

    /** The owner's deployments, newest first. */
    synchronized List<SandboxDeployment> list(String ownerId) {
        var list = new ArrayList<>(byId.values().stream().filter(d -> d.ownerId.equals(ownerId)).toList());
        Collections.reverse(list);
        return list;
    }

    SandboxDeployment get(String ownerId, String idOrUrl) {
        return find(ownerId, idOrUrl).orElseThrow(() -> SandboxError.notFound("Deployment"));
    }

    SandboxDeployment cancel(SandboxDeployment deployment) {
        synchronized (deployment) {
            if (deployment.terminal()) {
                throw SandboxError.badRequest("Deployment cannot be canceled because it is " + deployment.readyState);
            }
            vertx.cancelTimer(deployment.timerId);
            deployment.append("stderr", "The deployment was canceled.", "warning", null);
            deployment.changeState("CANCELED");
        }
        return deployment;
    }

    /** Moves the project's production alias ({@code <name>.vercel.app}) to {@code target}. */
    void promote(SandboxProject project, SandboxDeployment target) {
        String alias = project.name + ".vercel.app";
        List<SandboxDeployment> all;
        synchronized (this) {
            all = List.copyOf(byId.values());
        }
        for (SandboxDeployment other : all) {
            if (other != target && other.projectId.equals(project.id)) {
                // alias is a volatile immutable list: no lock on other deployments (no lock-order cycles).
                other.alias = other.alias.stream().filter(a -> !a.equals(alias)).toList();
            }
        }
        if (!target.alias.contains(alias)) {
            var aliases = new ArrayList<>(target.alias);
            aliases.add(0, alias);
            target.alias = List.copyOf(aliases);
        }
        project.productionDeploymentId = target.id;
    }

    long createdCount() {
        return created.get();
    }

    /** The generated build: install, build, then success or the scripted failure. */
    private List<Runnable> script(SandboxDeployment d, SandboxProject project) {
        // A setting present as null means "the framework's default", like a missing one.
        String build = Optional.ofNullable(d.projectSettings.get("buildCommand")).map(String::valueOf)
                .orElse("npm run build");
        var steps = new ArrayList<Runnable>();
        steps.add(() -> {
            d.changeState("INITIALIZING");
            d.append("stdout", "Running build in Washington, D.C., USA (East) – iad1", null, null);
        });
        steps.add(() -> d.append("stdout", "Retrieving list of deployment files...", null, null));
        steps.add(() -> d.append("stdout", "Downloading " + d.files.size() + " deployment files...", null, null));
        steps.add(() -> {
            d.buildingAt = System.currentTimeMillis();
            d.changeState("BUILDING");
            d.append("command", "Running \"vercel build\"", null, null);
        });
        steps.add(() -> d.append("stdout", "Installing dependencies...", null, null));
        steps.add(() -> d.append("stdout", "added 42 packages in 1s", null, null));
        steps.add(() -> d.append("command", "Running \"" + build + "\"", null, null));
        if (d.scenario.failBuild()) {
            steps.add(() -> d.append("stderr", "Error: simulated failure (" + FAIL_MARKER + " present)", "error",
                    null));
            steps.add(() -> {
                d.append("stderr", "Error: Command \"" + build + "\" exited with 1", "error", null);
                d.errorCode = "BUILD_FAILED";
                d.errorMessage = "Command \"" + build + "\" exited with 1";
                d.changeState("ERROR");
            });
            return steps;
        }
        steps.add(() -> d.append("stdout", "Build Completed in /vercel/output [1s]", null, null));
        steps.add(() -> d.append("stdout", "Deploying outputs...", null, null));
        steps.add(() -> {
            d.append("stdout", "Deployment completed", null, null);
            d.ready = System.currentTimeMillis();
            d.aliasAssigned = true;
            boolean production = "production".equals(d.target);
            d.alias = List.of(d.name + "-preview.vercel.app");
            if (production) {
                promote(project, d);
            }
            d.changeState("READY");
        });
        return steps;
    }

    private void evictFinished() {
        var it = byId.values().iterator();
        while (byId.size() > config.maxDeployments() && it.hasNext()) {
            if (it.next().finished()) {
                it.remove();
            }
        }
    }
}
