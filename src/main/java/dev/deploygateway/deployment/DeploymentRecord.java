package dev.deploygateway.deployment;

import java.time.Instant;
import java.util.Optional;

import dev.deploygateway.platform.PlatformState;

/**
 * One deployment as stored. {@code envCipher} holds the env values encrypted with the token cipher (bound to the
 * owner and this deployment); {@code logCursor} lets a new owner resume the platform's log exactly where the
 * previous one stopped; {@code generation} is the fencing token of the lease under which the record is written
 * (every owner write is refused by the store once a newer owner holds a higher generation).
 */
public record DeploymentRecord(
        String id,
        String userId,
        DeploymentSettings settings,
        PlatformState status,
        Optional<String> step,
        Optional<String> url,
        Optional<String> platformProjectId,
        Optional<String> platformDeploymentId,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> finishedAt,
        Instant deadline,
        Optional<DeploymentError> error,
        Optional<String> envCipher,
        boolean cancelRequested,
        Optional<String> redeployOf,
        Optional<LogCursor> logCursor,
        boolean platformCalled,
        long generation) {

    /** A deployment just admitted: nothing has happened on the platform yet. */
    static DeploymentRecord pending(DeploymentRef ref, DeploymentSettings settings, Instant now, Instant deadline,
            Optional<String> envCipher, Optional<String> redeployOf) {
        return new DeploymentRecord(ref.id(), ref.userId(), settings, PlatformState.PENDING, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), now, now, Optional.empty(), deadline,
                Optional.empty(), envCipher, false, redeployOf, Optional.empty(), false, 1);
    }

    public DeploymentRef ref() {
        return new DeploymentRef(userId, id);
    }

    public boolean terminal() {
        return status.terminal();
    }

    public String platformKey() {
        return settings.platform().key();
    }
}
