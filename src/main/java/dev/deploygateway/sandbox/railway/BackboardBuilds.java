package dev.deploygateway.sandbox.railway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.sandbox.BuildSteps;
import io.vertx.core.Vertx;

/**
 * The deployment state machine: QUEUED → INITIALIZING → BUILDING → DEPLOYING → SUCCESS, or FAILED (build error)
 * or CRASHED (after start), with a build log written alongside. One step per Vert.x timer tick
 * ({@code sandbox.railway.step-delay}); no thread ever sleeps. A new SUCCESS moves the service's previous one to
 * REMOVED; a canceled deployment ends REMOVED too (Railway has no CANCELED status; UNCONFIRMED which it uses).
 */
@ApplicationScoped
class BackboardBuilds {

    static final String FAIL_MARKER = ".sandbox/fail-build";
    static final String CRASH_MARKER = ".sandbox/crash";
    static final String SLOW_MARKER = ".sandbox/slow-build";
    static final String DROP_MARKER = ".sandbox/drop-socket";

    private final Vertx vertx;
    private final BuildSteps steps;
    private final BackboardConfig config;
    private final BackboardStore store;
    private final AtomicLong started = new AtomicLong();

    BackboardBuilds(Vertx vertx, BackboardConfig config, BackboardStore store) {
        this.vertx = vertx;
        this.steps = new BuildSteps(vertx);
        this.config = config;
        this.store = store;
    }

    BackboardDeployment start(BackboardProject project, String environmentId, BackboardProject.Service service,
            Map<String, byte[]> files, boolean rebuild) {
        var scenario = new BackboardDeployment.Scenario(files.containsKey(FAIL_MARKER),
                files.containsKey(CRASH_MARKER), files.containsKey(SLOW_MARKER), files.containsKey(DROP_MARKER));
        String domain = service.domain(environmentId);
        var deployment = new BackboardDeployment(BackboardIds.uuid(), project.id, environmentId, service.id, files,
                scenario, domain);
        store.addDeployment(deployment);
        started.incrementAndGet();
        long delay = config.stepDelay().toMillis() * (deployment.scenario.slowBuild() ? config.slowBuildFactor() : 1);
        steps.run(deployment, rebuild ? script(deployment, project, environmentId, service) : redeploy(deployment),
                Duration.ofMillis(delay));
        return deployment;
    }

    /** Cancels a deployment that is still queued, initialising or building. */
    boolean cancel(BackboardDeployment deployment) {
        synchronized (deployment) {
            if (!List.of("QUEUED", "INITIALIZING", "BUILDING").contains(deployment.status)) {
                throw BackboardError.invalid("Deployment cannot be cancelled in status " + deployment.status);
            }
            vertx.cancelTimer(deployment.timerId);
            deployment.canceled = true;
            deployment.log("Deployment cancelled", "warn");
            deployment.changeStatus("REMOVED");
        }
        return true;
    }

    long startedCount() {
        return started.get();
    }

    private List<Runnable> script(BackboardDeployment d, BackboardProject project, String environmentId,
            BackboardProject.Service service) {
        var steps = new ArrayList<Runnable>();
        steps.add(() -> {
            d.changeStatus("INITIALIZING");
            d.log("Snapshot received: " + d.files.size() + " files", "info");
        });
        steps.add(() -> {
            d.changeStatus("BUILDING");
            d.log("Using Nixpacks", "info");
        });
        steps.add(() -> d.log("Variables: " + String.join(", ", store.rendered(project, environmentId, service)
                .keySet().stream().sorted().toList()), "info"));
        steps.add(() -> d.log("install │ npm ci", "info"));
        steps.add(() -> d.log("added 42 packages in 1s", "info"));
        steps.add(() -> d.log("build │ npm run build", "info"));
        if (d.scenario.failBuild()) {
            steps.add(() -> d.log("Error: simulated failure (" + FAIL_MARKER + " present)", "error"));
            steps.add(() -> {
                d.log("ERROR: failed to solve: process \"npm run build\" did not complete successfully: exit code: 1",
                        "error");
                d.changeStatus("FAILED");
            });
            return steps;
        }
        steps.add(() -> d.log("Build time: 1.00 seconds", "info"));
        steps.addAll(redeploy(d));
        return steps;
    }

    /** The part after the build: publish and start (also all a rollback or restart does). */
    private List<Runnable> redeploy(BackboardDeployment d) {
        var steps = new ArrayList<Runnable>();
        steps.add(() -> {
            d.changeStatus("DEPLOYING");
            d.log("Publishing image and starting container", "info");
        });
        if (d.scenario.crash()) {
            steps.add(() -> {
                d.log("Error: simulated crash (" + CRASH_MARKER + " present)", "error");
                d.changeStatus("CRASHED");
            });
            return steps;
        }
        steps.add(() -> {
            d.log("Healthcheck succeeded", "info");
            for (BackboardDeployment previous : store.deploymentsOf(d.serviceId, d.environmentId)) {
                if (previous != d && "SUCCESS".equals(previous.status)) {
                    previous.changeStatus("REMOVED");
                }
            }
            d.changeStatus("SUCCESS");
        });
        return steps;
    }
}
