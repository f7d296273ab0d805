package dev.deploygateway.deployment;

import java.util.Optional;

import org.jboss.logging.Logger;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/**
 * How a {@link DeploymentRun} ends, exactly once: the final journal entries (an error event, then the terminal
 * record fields with the {@code end} event), the removal from the active set, and for a failure the refund of
 * the slot when nothing reached the platform and the "reconnect needed" mark when the platform refused the token.
 */
final class RunEnding {

    private static final Logger LOG = Logger.getLogger(RunEnding.class);

    private final RunState run;
    private final RunServices services;

    RunEnding(RunState run, RunServices services) {
        this.run = run;
        this.services = services;
    }

    Uni<Void> failWith(Throwable failure, PlatformStep step) {
        DeploymentError error = DeploymentError.from(failure, step);
        if (!(failure instanceof PlatformException) && !(failure instanceof GatewayException)) {
            LOG.errorf(failure, "deployment %s failed unexpectedly in step %s", run.record().id(), step);
        }
        // The connection that refused: the platform's, or the source host's for a git-only platform's push.
        PlatformId refusedBy = failure instanceof PlatformException p ? p.platform()
                : run.record().settings().platform();
        Uni<Void> reconnect = error.code().equals(ErrorCode.RECONNECT_REQUIRED.name())
                ? services.credentials().markReconnectRequired(run.record().userId(), refusedBy)
                        .onFailure().recoverWithNull()
                : Uni.createFrom().voidItem();
        // Nothing reached the platform: the attempt does not count against the user's quota.
        Uni<Void> refund = run.platformCalled().get() ? Uni.createFrom().voidItem()
                : services.limiter().refund(run.record().userId(), run.record().id()).replaceWithVoid()
                        .onFailure().recoverWithNull();
        return reconnect.chain(() -> refund).chain(() -> finish(PlatformState.FAILED, Optional.of(error)));
    }

    Uni<Void> finish(PlatformState terminal, Optional<DeploymentError> error) {
        if (!run.finished().compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        Optional<String> finalUrl = terminal == PlatformState.READY ? run.url().get() : Optional.empty();
        return run.journal().finish(terminal, finalUrl, error)
                .chain(() -> services.repository().deactivate(run.record().ref())
                        // The monitor removes an ended deployment it finds in the set; no need to fail here.
                        .onFailure().recoverWithNull());
    }

}
