package dev.deploygateway.connection;

import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformId;
import io.smallrye.mutiny.Uni;

/**
 * What the deployment pipeline needs from connections: the caller's usable credential for a platform, and a way
 * to report that the platform rejected it.
 */
public interface PlatformCredentials {

    /**
     * The user's decrypted credential for {@code platform}, refreshed first (single-flight across instances) when
     * the access token is expired or about to expire. Fails with a {@code GatewayException} coded
     * {@code PLATFORM_NOT_CONNECTED} when there is no connection and {@code RECONNECT_REQUIRED} when the connection
     * can no longer be used without the user authorising again.
     */
    Uni<PlatformCredential> credentialFor(String userId, PlatformId platform);

    /** Marks the connection as needing re-authorisation (the platform answered 401 to a stored token). */
    Uni<Void> markReconnectRequired(String userId, PlatformId platform);
}
