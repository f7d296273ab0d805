package dev.deploygateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Deployment pipeline limits. */
@ConfigMapping(prefix = "gateway.deployment")
public interface DeploymentConfig {

    /** {@code DEPLOYMENT_TIMEOUT_MS}: a deployment not finished after this long ends as TIMED_OUT. */
    @WithDefault("300000")
    long timeoutMs();

    /** The timeout as a duration. */
    default Duration timeout() {
        return Duration.ofMillis(timeoutMs());
    }
}
