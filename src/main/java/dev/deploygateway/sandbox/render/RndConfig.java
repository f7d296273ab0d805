package dev.deploygateway.sandbox.render;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Knobs of the Render sandbox. It lives in the sandbox package (not {@code dev.deploygateway.config}) because the
 * sandbox is "the outside world" and imports nothing of the gateway; it reaches the GitHub sandbox over HTTP only.
 */
@ConfigMapping(prefix = "sandbox.render")
public interface RndConfig {

    /** Time between two steps of a simulated build (one log line or status change per step). */
    @WithDefault("400ms")
    Duration stepDelay();

    /** Multiplier on {@link #stepDelay()} for repositories containing {@code .sandbox/slow-build}. */
    @WithDefault("10")
    int slowBuildFactor();

    /** Base URL of the GitHub API Render reads repositories from (the GitHub sandbox outside prod). */
    String githubApiUrl();

    /** The token of Render's own GitHub App installation (the GitHub sandbox's installation token). */
    @WithDefault("ghs_sandbox-platform-installation")
    String githubToken();

    /** What a service's {@code serviceDetails.url} is; {@code {slug}} is replaced (the sandbox sites origin). */
    String siteUrlTemplate();

    /** {@code POST /v1/services} and {@code POST /v1/postgres} per key per hour (Render: 20). */
    @WithDefault("20")
    int creationsPerHour();

    /** Deploy triggers per service per minute (Render: 10). */
    @WithDefault("10")
    int deployTriggersPerMinute();

    /** Other writes per key per minute (observed: 100). */
    @WithDefault("100")
    int writesPerMinute();

    /** Reads per key per minute (Render: 400). */
    @WithDefault("400")
    int readsPerMinute();

    /** Ticks a new Postgres spends as {@code unknown} and then {@code creating} before it is {@code available}. */
    @WithDefault("2")
    int databaseTicks();

    /** With {@code .sandbox/drop-socket} in the repository, each log socket is closed after this many frames. */
    @WithDefault("2")
    int dropSocketAfterFrames();

    /** Services, and separately deploys, kept in memory; the oldest are forgotten beyond this. */
    @WithDefault("1000")
    int maxEntries();
}
