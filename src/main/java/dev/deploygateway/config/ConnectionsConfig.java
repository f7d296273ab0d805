package dev.deploygateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Platform connections: the OAuth handshake and single-flight token refresh (docs/connections.md). */
@ConfigMapping(prefix = "gateway.connections")
public interface ConnectionsConfig {

    /** How long a started OAuth authorization ({@code state}, PKCE verifier) may be completed. RFC 9700: short. */
    @WithDefault("10m")
    Duration stateTtl();

    /** An access token expiring within this margin is refreshed before use, so it does not die mid-deployment. */
    @WithDefault("60s")
    Duration refreshSkew();

    /**
     * Lifetime of the cross-instance refresh lock. Longer than {@link #refreshTimeout()}, so the lock cannot lapse
     * while its holder still waits for the platform (a second refresh would reuse a rotated token).
     */
    @WithDefault("30s")
    Duration refreshLockTtl();

    /** Upper bound of one refresh call to the platform. */
    @WithDefault("20s")
    Duration refreshTimeout();

    /** How often an instance that lost the refresh lock re-reads the connection for the winner's tokens. */
    @WithDefault("100ms")
    Duration refreshPollInterval();

    /** How long an instance that lost the refresh lock waits for fresh tokens before failing (retryable). */
    @WithDefault("35s")
    Duration refreshWaitTimeout();
}
