package dev.deploygateway.deployment;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.connection.PlatformCredentials;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.source.SourceHosts;

/** What a {@link DeploymentRun} needs besides its own deployment ({@code sourceHosts}: for git-only platforms). */
record RunServices(PlatformCredentials credentials, DeploymentRepository repository, DeploymentRateLimiter limiter,
        DeploymentOwnership ownership, DeploymentConfig config, SourceHosts sourceHosts) {
}
