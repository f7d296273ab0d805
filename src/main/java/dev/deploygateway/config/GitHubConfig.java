package dev.deploygateway.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * GitHub as the source host of git-only platforms: the REST API ({@code quarkus.rest-client.github.url}), the web
 * host of the OAuth pages, and how a push is shaped to GitHub's limits.
 */
@ConfigMapping(prefix = "gateway.github")
public interface GitHubConfig {

    /** {@code GITHUB_WEB_URL}: the host of {@code /login/oauth/authorize} and {@code /login/oauth/access_token}. */
    URI webUrl();

    /** Timeouts, retries and 429 waits of every GitHub call ({@code gateway.github.calls.*}). */
    PlatformCallConfig calls();

    /** Branch a project goes to when the request names none and the repository's default is unknown. */
    @WithDefault("main")
    String defaultBranch();

    /** Description of repositories the gateway creates. */
    @WithDefault("Deployed with Deploy Gateway")
    String repositoryDescription();

    /** A UTF-8 text file up to this size goes inline in the tree request instead of as its own blob. */
    @WithDefault("65536")
    int inlineMaxFileBytes();

    /** At most this much inline text in one tree request; the rest goes as blobs. */
    @WithDefault("2097152")
    long inlineMaxTotalBytes();

    /**
     * Content-creating requests one push sends per minute at most (GitHub's secondary limit is about 80 per minute);
     * beyond it the push waits instead of being blocked.
     */
    @WithDefault("60")
    int contentCreationsPerMinute();

    /**
     * A push needing more blob creations than this is refused before it starts: GitHub allows about 500
     * content-creating requests per hour.
     */
    @WithDefault("400")
    int maxBlobsPerPush();

    /** A repository created with {@code auto_init} may take a moment before its first commit is readable. */
    @WithDefault("10s")
    Duration initialCommitWait();

    /** Pre-flight: most files in one push (GitHub's tree API handles up to 100,000 entries). */
    @WithDefault("20000")
    int maxFiles();

    /** Pre-flight: largest file, bytes (GitHub refuses files over 100 MB). */
    @WithDefault("52428800")
    long maxFileBytes();
}
