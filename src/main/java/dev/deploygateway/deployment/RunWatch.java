package dev.deploygateway.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/**
 * The watching half of a {@link DeploymentRun}: the platform's feed into the journal (each log line once, from the
 * stored cursor, so a resumed watch repeats nothing), states as progress, and at a terminal state the platform's
 * final word (URL, error) through {@link RunEnding}. Shares the run's {@code finished} flag and URL.
 */
final class RunWatch {

    private static final Logger LOG = Logger.getLogger(RunWatch.class);
    private static final int WATCH_RESUMES = 5;

    private final RunState run;
    private final DeploymentPlatform platform;
    private final RunEnding ending;
    private final AtomicReference<LogCursor> cursor;

    RunWatch(RunState run, DeploymentPlatform platform, RunEnding ending) {
        this.run = run;
        this.platform = platform;
        this.ending = ending;
        this.cursor = new AtomicReference<>(run.record().logCursor().orElse(null));
    }

    /** Follows the platform's feed to the end; a dropped feed is followed again from the cursor, a few times. */
    Uni<Void> follow(PlatformCredential credential, String deploymentId) {
        return follow(credential, deploymentId, 0).chain(() -> run.finished().get() ? Uni.createFrom().voidItem()
                : settleByStatus(credential, deploymentId));
    }

    private Uni<Void> follow(PlatformCredential credential, String deploymentId, int resumes) {
        Optional<Instant> since = Optional.ofNullable(cursor.get()).map(LogCursor::at);
        return platform.events(credential, deploymentId, since)
                .onItem().transformToUniAndConcatenate(event -> onEvent(credential, deploymentId, event))
                .collect().last().replaceWithVoid()
                .onFailure(e -> resumable(e) && !run.finished().get() && resumes < WATCH_RESUMES)
                .recoverWithUni(e -> {
                    LOG.debugf("deployment %s: platform feed dropped (%s); following again", run.record().id(), e);
                    return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(500L << resumes))
                            .chain(() -> follow(credential, deploymentId, resumes + 1));
                });
    }

    /** A dropped feed is followed again; a refusal (a revoked token, a vanished deployment) is not. */
    private static boolean resumable(Throwable failure) {
        if (failure instanceof OwnershipLostException) {
            return false;
        }
        return !(failure instanceof PlatformException p) || p.retryable();
    }

    private Uni<Void> onEvent(PlatformCredential credential, String deploymentId, PlatformEvent event) {
        if (run.finished().get()) {
            return Uni.createFrom().voidItem();
        }
        if (event instanceof PlatformEvent.LogLine line) {
            LogCursor before = cursor.get();
            if (before != null && before.covers(line)) {
                return Uni.createFrom().voidItem();
            }
            LogCursor after = before == null ? LogCursor.start(line) : before.after(line);
            cursor.set(after);
            return run.journal().log(line, after);
        }
        if (event instanceof PlatformEvent.StateChange change) {
            return change.state().terminal() ? settleByStatus(credential, deploymentId)
                    : run.journal().progressed(change.state(), stepOf(change.state()), null);
        }
        if (event instanceof PlatformEvent.Notice notice) {
            return run.journal().warning(notice.text());
        }
        return Uni.createFrom().voidItem();
    }

    /** Reads the platform's final word (URL, error) and ends the deployment with it. */
    private Uni<Void> settleByStatus(PlatformCredential credential, String deploymentId) {
        return platform.status(credential, deploymentId).chain(status -> {
            if (!status.state().terminal()) {
                // The feed ended early; keep watching by polling the status.
                return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofSeconds(1))
                        .chain(() -> settleByStatus(credential, deploymentId));
            }
            status.url().ifPresent(u -> run.url().set(Optional.of(u.toString())));
            if (status.state() == PlatformState.FAILED) {
                String message = status.errorMessage().orElse("The build failed on " + platform.id().key() + ".");
                return ending.finish(PlatformState.FAILED, Optional.of(new DeploymentError(
                        ErrorCode.BUILD_FAILED.name(), DeploymentError.step(PlatformStep.BUILD), false, message)));
            }
            return ending.finish(status.state(), Optional.empty());
        });
    }

    private static PlatformStep stepOf(PlatformState state) {
        return switch (state) {
            case UPLOADING -> PlatformStep.UPLOAD;
            case DEPLOYING -> PlatformStep.DEPLOY;
            default -> PlatformStep.BUILD;
        };
    }
}
