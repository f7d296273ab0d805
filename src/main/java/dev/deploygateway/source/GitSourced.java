package dev.deploygateway.source;

import java.util.Optional;

import dev.deploygateway.platform.DeploySpec;

/**
 * A deployment platform that builds only from a git repository (Render): the pipeline pushes the project to its
 * {@link #sourceHost()} first and then deploys the pushed commit.
 */
public interface GitSourced {

    /** The host the platform reads repositories from. */
    SourceHost sourceHost();

    /**
     * The platform's rule when {@code options} (service type, runtime, plan, region) break it, checked before anything
     * is stored or sent; empty when they are acceptable.
     */
    default Optional<String> serviceProblem(DeploySpec.ServiceOptions options) {
        return Optional.empty();
    }
}
