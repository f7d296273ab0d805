package dev.deploygateway.source;

/**
 * A deployment platform that builds only from a git repository (Render): the pipeline pushes the project to its
 * {@link #sourceHost()} first and then deploys the pushed commit.
 */
public interface GitSourced {

    /** The host the platform reads repositories from. */
    SourceHost sourceHost();
}
