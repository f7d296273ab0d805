package dev.deploygateway.platform;

/**
 * One thing a platform can do through its public API, so callers (page, pipeline) decide before calling instead of
 * catching "unsupported" failures. OAuth is not listed: a platform offers it exactly when it has a
 * {@link PlatformOAuth} ({@link DeploymentPlatform#oauth()}).
 */
public enum Capability {
    /** A user may connect by pasting an API token. */
    API_TOKEN("tokenConnect"),
    /** Source goes up as content-addressed files (Vercel {@code /v2/files}, Netlify digest deploys). */
    FILE_UPLOAD("fileUpload"),
    /** Source goes up as one gzip tarball per deployment (Railway {@code /up}). */
    TARBALL_UPLOAD("tarballUpload"),
    /** The platform builds from a git repository the gateway pushes to first (Render, through a source host). */
    GIT_SOURCE("gitSource"),
    /** {@link DeploymentPlatform#provisionDatabase} is available. */
    DATABASE("database"),
    /** A running deployment can be canceled. */
    CANCEL("cancel"),
    /** A READY preview deployment can become the production one without a rebuild. */
    PROMOTE("promote"),
    /** An existing deployment can be rebuilt by id. */
    REDEPLOY("redeploy"),
    /** Production can be pointed back to an earlier deployment without a rebuild. */
    ROLLBACK("rollback"),
    /** A source host: takes a project as one commit pushed to a repository the user owns (GitHub). */
    GIT_PUSH("gitPush");

    private final String key;

    Capability(String key) {
        this.key = key;
    }

    /** The name in {@code GET /api/v1/platforms} ({@code capabilities.<key>}). */
    public String key() {
        return key;
    }
}
