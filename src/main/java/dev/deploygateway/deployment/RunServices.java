package dev.deploygateway.deployment;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.connection.PlatformCredentials;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;

/** What a {@link DeploymentRun} needs besides its own deployment. */
record RunServices(PlatformCredentials credentials, DeploymentRepository repository, DeploymentRateLimiter limiter,
        DeploymentOwnership ownership, DeploymentConfig config) {
}
