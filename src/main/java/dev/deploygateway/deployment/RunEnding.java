package dev.deploygateway.deployment;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

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

    private final DeploymentRecord record;
    private final DeploymentJournal journal;
    private final RunServices services;
    private final AtomicBoolean platformCalled;
    private final AtomicBoolean finished;
    private final AtomicReference<Optional<String>> url;

    RunEnding(DeploymentRecord record, DeploymentJournal journal, RunServices services, AtomicBoolean platformCalled,
            AtomicBoolean finished, AtomicReference<Optional<String>> url) {
        this.record = record;
        this.journal = journal;
        this.services = services;
        this.platformCalled = platformCalled;
        this.finished = finished;
        this.url = url;
    }

    Uni<Void> failWith(Throwable failure, PlatformStep step) {
        DeploymentError error = DeploymentError.from(failure, step);
        if (!(failure instanceof PlatformException) && !(failure instanceof GatewayException)) {
            LOG.errorf(failure, "deployment %s failed unexpectedly in step %s", record.id(), step);
        }
        // The connection that refused: the platform's, or the source host's for a git-only platform's push.
        PlatformId refusedBy = failure instanceof PlatformException p ? p.platform() : record.settings().platform();
        Uni<Void> reconnect = error.code().equals(ErrorCode.RECONNECT_REQUIRED.name())
                ? services.credentials().markReconnectRequired(record.userId(), refusedBy)
                        .onFailure().recoverWithNull()
                : Uni.createFrom().voidItem();
        // Nothing reached the platform: the attempt does not count against the user's quota.
        Uni<Void> refund = platformCalled.get() ? Uni.createFrom().voidItem()
                : services.limiter().refund(record.userId(), record.id()).replaceWithVoid()
                        .onFailure().recoverWithNull();
        return reconnect.chain(() -> refund).chain(() -> finish(PlatformState.FAILED, Optional.of(error)));
    }

    Uni<Void> finish(PlatformState terminal, Optional<DeploymentError> error) {
        if (!finished.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        Optional<String> finalUrl = terminal == PlatformState.READY ? url.get() : Optional.empty();
        return journal.finish(terminal, finalUrl, error)
                .chain(() -> services.repository().deactivate(record.ref())
                        // The monitor removes an ended deployment it finds in the set; no need to fail here.
                        .onFailure().recoverWithNull());
    }

}
