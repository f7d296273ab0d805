package dev.deploygateway.source.github;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * GitHub's wire shapes as records, checked against {@code contracts/github/openapi-subset.json}: lenient on members
 * GitHub adds (the REST client's Jackson ignores unknown properties), strict on the ones the gateway needs
 * ({@code required = true}: a missing one fails the call instead of becoming null). Requests send only members the
 * document defines.
 */
final class GitHubWire {

    private GitHubWire() {
    }

    /** {@code GET /user} ({@code private-user}). */
    record User(@JsonProperty(required = true) String login, @JsonProperty(required = true) long id, String name,
            String email) {
    }

    /** A repository's {@code owner} ({@code simple-user}). */
    record Owner(@JsonProperty(required = true) String login, @JsonProperty(required = true) String type) {
    }

    /** The caller's {@code permissions} on a repository. */
    record Permissions(boolean admin, boolean push, boolean pull) {
    }

    /** {@code full-repository}, the members a push needs. */
    record Repository(@JsonProperty(required = true) long id, @JsonProperty(required = true) String name,
            @JsonProperty(value = "full_name", required = true) String fullName,
            @JsonProperty(required = true) Owner owner,
            @JsonProperty(value = "private", required = true) boolean privateRepository,
            @JsonProperty(value = "html_url", required = true) String htmlUrl,
            @JsonProperty(value = "default_branch") String defaultBranch, Permissions permissions) {

        boolean pushable() {
            return permissions != null && permissions.push();
        }
    }

    /** {@code POST /user/repos} and {@code POST /orgs/{org}/repos}. */
    record NewRepository(String name, String description, @JsonProperty("private") boolean privateRepository,
            @JsonProperty("auto_init") boolean autoInit) {
    }

    /** {@code git-ref}. */
    record Ref(@JsonProperty(required = true) String ref, @JsonProperty(required = true) RefObject object) {
    }

    record RefObject(@JsonProperty(required = true) String sha, @JsonProperty(required = true) String type) {
    }

    /** {@code git-commit}, the members a push needs. */
    record Commit(@JsonProperty(required = true) String sha, @JsonProperty(required = true) ObjectRef tree,
            @JsonProperty(required = true) List<ObjectRef> parents) {
    }

    /** A {@code {sha, url}} reference to another object. */
    record ObjectRef(@JsonProperty(required = true) String sha) {
    }

    /** {@code git-tree}. */
    record Tree(@JsonProperty(required = true) String sha, @JsonProperty(required = true) List<TreeItem> tree,
            @JsonProperty(required = true) boolean truncated) {
    }

    record TreeItem(@JsonProperty(required = true) String path, @JsonProperty(required = true) String mode,
            @JsonProperty(required = true) String type, @JsonProperty(required = true) String sha, Long size) {
    }

    /** {@code POST /git/blobs}: base64 content, so any bytes travel unchanged. */
    record NewBlob(String content, String encoding) {
        @Override
        public String toString() {
            return "NewBlob[" + content.length() + " base64 characters]";
        }
    }

    /** {@code short-blob}. */
    record CreatedBlob(@JsonProperty(required = true) String sha) {
    }

    /** {@code POST /git/trees}: every file, by blob id or inline text; no {@code base_tree} (a whole snapshot). */
    record NewTree(List<TreeEntry> tree) {
    }

    /** A tree entry by {@code sha} or by {@code content}, never both. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TreeEntry(String path, String mode, String type, String sha, String content) {
        @Override
        public String toString() {
            return "TreeEntry[" + path + (content == null ? ", sha=" + sha : ", inline") + "]";
        }
    }

    /** {@code POST /git/commits}; author and committer default to the token's user. */
    record NewCommit(String message, String tree, List<String> parents) {
    }

    /** {@code POST /git/refs}. */
    record NewRef(String ref, String sha) {
    }

    /** {@code PATCH /git/refs/{ref}}; {@code force: false} makes GitHub refuse anything but a fast-forward. */
    record RefUpdate(String sha, boolean force) {
    }

    /** The token endpoint's answer; errors come back with HTTP 200 and {@code error}. */
    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("expires_in") Long expiresIn, @JsonProperty("refresh_token") String refreshToken,
            @JsonProperty("refresh_token_expires_in") Long refreshTokenExpiresIn, String scope,
            @JsonProperty("token_type") String tokenType, String error,
            @JsonProperty("error_description") String errorDescription) {

        /** Never prints the tokens (a record's generated toString would). */
        @Override
        public String toString() {
            return "TokenResponse[access=" + (accessToken == null ? "-" : "***") + ", refresh="
                    + (refreshToken == null ? "-" : "***") + ", error=" + error + "]";
        }
    }

    /** {@code DELETE /applications/{client_id}/grant}. */
    record GrantRevocation(@JsonProperty("access_token") String accessToken) {
        @Override
        public String toString() {
            return "GrantRevocation[***]";
        }
    }
}
