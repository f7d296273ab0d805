package dev.deploygateway.api.deployment;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer of a rollback or promote: the deployment acted on, and what production serves now.
 *
 * @param deployment the deployment, as {@code GET /api/v1/deployments/{id}} shows it
 * @param live the deployment production serves now and its address (the platform's production domain where it
 *        names one, else the deployment's own address)
 */
@RegisterForReflection
public record LiveView(DeploymentView deployment, Live live) {

    /** What production serves. */
    @RegisterForReflection
    public record Live(String deploymentId, String url) {
    }
}
