package dev.deploygateway.deployment;

import java.time.Instant;
import java.util.Optional;

import dev.deploygateway.platform.PlatformState;

/**
 * One deployment as stored. {@code envCipher} holds the env values encrypted with the token cipher (bound to the
 * owner and this deployment); {@code lastPlatformEventAt}/{@code lastPlatformEventId} let a new owner resume the
 * platform's log where the previous one stopped.
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
        Optional<Instant> lastPlatformEventAt,
        Optional<String> lastPlatformEventId) {

    public boolean terminal() {
        return status.terminal();
    }

    public String platformKey() {
        return settings.platform().key();
    }
}
