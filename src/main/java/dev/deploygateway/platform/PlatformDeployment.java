package dev.deploygateway.platform;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A deployment as the platform reports it.
 *
 * @param id the platform's deployment id (e.g. {@code dpl_…}), the handle for status, events, cancel
 * @param state the normalised state
 * @param platformState the platform's own state string, kept for logs and support
 * @param url where the deployment is (or will be) served
 * @param errorCode the platform's error code when failed (e.g. {@code BUILD_FAILED})
 * @param errorMessage the platform's error text when failed
 */
public record PlatformDeployment(
        String id,
        String projectId,
        PlatformState state,
        String platformState,
        Optional<URI> url,
        Optional<String> errorCode,
        Optional<String> errorMessage,
        Instant createdAt) {
}
