package dev.deploygateway.source.github;

import jakarta.inject.Singleton;

import dev.deploygateway.config.GitHubConfig;
import dev.deploygateway.platform.PlatformCallPolicy;
import dev.deploygateway.platform.PlatformId;

/**
 * GitHub's calls under the shared {@link PlatformCallPolicy}. Creating blobs, trees and commits is idempotent (an
 * object's id is its content) and so is moving a ref to where it already points; creating a repository and every
 * token request are not.
 */
@Singleton
class GitHubCalls extends PlatformCallPolicy {

    GitHubCalls(GitHubConfig config) {
        super(PlatformId.GITHUB, config.calls(), GitHubErrors::map);
    }
}
