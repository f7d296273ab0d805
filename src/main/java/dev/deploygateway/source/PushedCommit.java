package dev.deploygateway.source;

import java.net.URI;

/**
 * The outcome of a push: the repository ({@code owner/name} and its web URL, which platforms build from), the branch
 * and the commit that holds the project.
 *
 * @param privateRepository whether the repository is private (platforms need their own access to read it)
 * @param createdRepository whether this push created the repository
 * @param unchanged the branch already held exactly this snapshot, so no commit was made
 * @param blobsSent blobs uploaded one by one (binary or large files the repository lacked)
 * @param inlineFiles files sent inline in the tree request
 */
public record PushedCommit(String repository, URI repositoryUrl, String branch, String commitSha,
        boolean privateRepository, boolean createdRepository, boolean unchanged, int blobsSent, int inlineFiles) {
}
