package dev.deploygateway.sandbox;

import java.time.Duration;
import java.util.List;

import io.vertx.core.Vertx;

/**
 * Runs a simulated build's steps one per timer tick, on Vert.x timers (no thread ever sleeps), shared by every
 * sandbox. A step runs without holding the build's lock: steps take their store's lock and other builds' locks,
 * while request threads take the store's lock and then a build's, so holding both deadlocked an event loop now
 * and then. A build that ended (canceled) between ticks runs no further step; a cancel racing with a step is
 * settled by the build's own state change.
 */
public final class BuildSteps {

    /** What the scheduler needs of a build. */
    public interface Build {
        /** Whether the build reached a final state; no step runs after that. */
        boolean ended();

        /** Remembers the pending tick, so a cancel can stop it. */
        void pendingTimer(long timerId);
    }

    private final Vertx vertx;

    public BuildSteps(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Runs {@code steps} in order, {@code delay} apart, until they are done or the build ended. */
    public void run(Build build, List<Runnable> steps, Duration delay) {
        next(build, steps, 0, Math.max(1, delay.toMillis()));
    }

    private void next(Build build, List<Runnable> steps, int index, long delayMillis) {
        if (index >= steps.size() || build.ended()) {
            return;
        }
        build.pendingTimer(vertx.setTimer(delayMillis, id -> {
            if (build.ended()) {
                return;
            }
            steps.get(index).run();
            next(build, steps, index + 1, delayMillis);
        }));
    }
}
