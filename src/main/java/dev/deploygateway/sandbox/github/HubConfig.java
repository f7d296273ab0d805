package dev.deploygateway.sandbox.github;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Knobs of the GitHub sandbox. It lives in the sandbox package (not {@code dev.deploygateway.config}) because the
 * sandbox is "the outside world" and imports nothing of the gateway.
 */
@ConfigMapping(prefix = "sandbox.github")
public interface HubConfig {

    /** Lifetime of a GitHub App user access token ({@code ghu_}); GitHub: 8 hours. */
    @WithDefault("8h")
    Duration tokenLifetime();

    /** Lifetime of a refresh token ({@code ghr_}); GitHub: about 6 months. */
    @WithDefault("184d")
    Duration refreshTokenLifetime();

    /**
     * Callback URLs registered for the sandbox's GitHub App; the authorize page redirects only to one of these
     * (exact match) and refuses any other without redirecting, as GitHub does.
     */
    List<String> redirectUris();

    /** Primary rate limit: requests per user token per hour (GitHub: 5,000; unauthenticated: 60). */
    @WithDefault("5000")
    int requestsPerHour();

    /** Secondary rate limit: content-creating requests per token per minute (GitHub: about 80). */
    @WithDefault("80")
    int contentCreationsPerMinute();

    /**
     * A token standing for a hosting platform's own GitHub App installation (Render's "connect GitHub" in its
     * dashboard): it may read every repository, public or private, and write none.
     */
    @WithDefault("ghs_sandbox-platform-installation")
    String installationToken();

    /** Repositories kept in memory; creating more answers 422. */
    @WithDefault("2000")
    int maxRepositories();
}
