package dev.deploygateway.config;

import java.net.URI;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The Vercel platform client. The API base URL itself is {@code quarkus.rest-client.vercel.url}
 * ({@code VERCEL_API_URL}); timeouts of the HTTP connection are {@code quarkus.rest-client.vercel.*}.
 */
@ConfigMapping(prefix = "gateway.vercel")
public interface VercelConfig {

    /** {@code VERCEL_AUTHORIZE_URL}: the browser-facing authorize page (vercel.com in prod, the sandbox otherwise). */
    URI authorizeUrl();

    /** {@code VERCEL_SITE_URL_TEMPLATE}: how a deployment's {@code url} host becomes a link ({@code {host}}). */
    @WithDefault("https://{host}")
    String siteUrlTemplate();

    /** OAuth scopes requested by "Sign in with Vercel"; {@code offline_access} yields a refresh token. */
    @WithDefault("openid,email,profile,offline_access")
    List<String> scopes();

    /** Files uploaded in parallel to {@code /v2/files} (the Vercel CLI uses up to 50). */
    @WithDefault("8")
    int uploadConcurrency();

    /** Timeouts, retries and 429 waits of every Vercel call ({@code gateway.vercel.calls.*}). */
    PlatformCallConfig calls();

    /** Pre-flight: most files in one deployment (the CLI switches to an archive above this). */
    @WithDefault("15000")
    int maxFiles();

    /** Pre-flight: largest single file, bytes (UNCONFIRMED for Vercel; 100 MiB). */
    @WithDefault("104857600")
    long maxFileBytes();

    /** Pre-flight: largest total upload, bytes (UNCONFIRMED; Hobby's 100 MiB source limit). */
    @WithDefault("104857600")
    long maxTotalBytes();
}
