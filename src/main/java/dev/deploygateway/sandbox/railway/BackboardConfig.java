package dev.deploygateway.sandbox.railway;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Knobs of the Railway sandbox. It lives in the sandbox package (not {@code dev.deploygateway.config}) because the
 * sandbox is "the outside world" and imports nothing of the gateway.
 */
@ConfigMapping(prefix = "sandbox.railway")
public interface BackboardConfig {

    /** Time between two steps of a simulated build (one log line or status change per step). */
    @WithDefault("400ms")
    Duration stepDelay();

    /** Multiplier on {@link #stepDelay()} for uploads containing {@code .sandbox/slow-build}. */
    @WithDefault("5")
    int slowBuildFactor();

    /** How long a {@code templateDeployV2} workflow stays {@code Running}. */
    @WithDefault("1s")
    Duration workflowDuration();

    /** Lifetime of OAuth access tokens and of minted account tokens (Railway: 1 hour). */
    @WithDefault("1h")
    Duration tokenLifetime();

    /** Largest accepted {@code /up} tarball, bytes; above it the sandbox answers 413. */
    @WithDefault("52428800")
    long maxUploadBytes();

    /** Projects, and separately deployments, kept in memory; the oldest are forgotten beyond this. */
    @WithDefault("500")
    int maxEntries();

    /** With {@code .sandbox/drop-socket} in the upload, each websocket is closed after this many frames mid-build. */
    @WithDefault("3")
    int dropSocketAfterFrames();

    /** A websocket that sends no {@code connection_init} within this is closed 4408 (the reference server: 3 s). */
    @WithDefault("3s")
    Duration connectionInitTimeout();

    /** Requests per token per hour before the sandbox answers 429 (Railway's Hobby plan: 1000). */
    @WithDefault("1000")
    int requestsPerHour();
}
