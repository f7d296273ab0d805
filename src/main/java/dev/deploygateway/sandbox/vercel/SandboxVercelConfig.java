package dev.deploygateway.sandbox.vercel;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Knobs of the Vercel sandbox. It lives in the sandbox package (not {@code dev.deploygateway.config}) because
 * the sandbox is "the outside world" and imports nothing of the gateway.
 */
@ConfigMapping(prefix = "sandbox.vercel")
public interface SandboxVercelConfig {

    /** Time between two steps of a simulated build (one log line or state change per step). */
    @WithDefault("600ms")
    Duration stepDelay();

    /** Multiplier on {@link #stepDelay()} for uploads containing {@code .sandbox/slow-build}. */
    @WithDefault("5")
    int slowBuildFactor();

    /** How often a quiet {@code follow=1} event stream writes a keep-alive line {@code {}}. */
    @WithDefault("5s")
    Duration keepAliveInterval();

    /** Lifetime of access tokens issued by the OAuth endpoints and the token-minting endpoint. */
    @WithDefault("1h")
    Duration tokenLifetime();

    /** Requests per token per minute before the sandbox answers 429 like Vercel. */
    @WithDefault("1000")
    int requestsPerMinute();

    /** Deployments kept in memory; the oldest finished ones are forgotten beyond this. */
    @WithDefault("500")
    int maxDeployments();

    /** Bytes of uploaded file blobs kept in memory; the oldest blobs are evicted beyond this. */
    @WithDefault("268435456")
    long maxBlobBytes();

    /** With {@code .sandbox/cut-stream} in the upload, each live event stream is cut after this many events. */
    @WithDefault("3")
    int cutStreamAfterEvents();

    /**
     * Redirect URIs registered for the sandbox's OAuth app; the authorize page redirects only to one of these
     * (exact match), as Vercel does for an app's registered callback URLs.
     */
    List<String> redirectUris();
}
