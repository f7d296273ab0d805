package dev.deploygateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Railway platform client (GraphQL, {@code /up} tarball upload, websocket logs, "Login with Railway"). */
@ConfigMapping(prefix = "gateway.railway")
public interface RailwayConfig {

    /** {@code RAILWAY_API_URL}: the GraphQL endpoint; subscriptions use the same URL with {@code ws(s)://}. */
    URI apiUrl();

    /** {@code RAILWAY_WS_URL}: the subscriptions websocket, when not {@link #apiUrl()} with {@code ws(s)://}. */
    java.util.Optional<URI> websocketUrl();

    /** {@code RAILWAY_BACKBOARD_URL}: the root of {@code /project/…/up} and {@code /oauth/…}. */
    URI backboardUrl();

    /** {@code RAILWAY_SITE_URL_TEMPLATE}: how a service domain becomes a link; {@code {domain}} is replaced. */
    @WithDefault("https://{domain}")
    String siteUrlTemplate();

    /** OAuth scopes; {@code offline_access} (with {@code prompt=consent}) yields a refresh token. */
    @WithDefault("openid,email,profile,offline_access,workspace:member")
    List<String> scopes();

    /** Path of the token revocation endpoint under the backboard root (UNCONFIRMED for Railway). */
    @WithDefault("/oauth/token/revocation")
    String revokePath();

    /** Attempts per idempotent call (queries) on 5xx, network errors and timeouts. */
    @WithDefault("3")
    int maxAttempts();

    /** First back-off between attempts and log-stream reconnects; doubled each time, plus up to 50% jitter. */
    @WithDefault("250ms")
    Duration retryBackoff();

    /** A 429 whose {@code Retry-After} is longer than this is not waited out but reported as RATE_LIMITED. */
    @WithDefault("30s")
    Duration maxRetryAfter();

    /** A request whose response shows no progress for this long fails (and a query is retried). */
    @WithDefault("60s")
    Duration requestIdleTimeout();

    /** Upper bound of one call (the tarball upload included). */
    @WithDefault("120s")
    Duration callTimeout();

    /** Consecutive reconnects of a dropped log websocket without a new line in between before giving up. */
    @WithDefault("5")
    int maxStreamResumes();

    /** Pre-flight: largest gzip tarball sent to {@code /up}, bytes (Railway's limit is undocumented). */
    @WithDefault("52428800")
    long maxUploadBytes();

    /** Pre-flight: most files in one upload. */
    @WithDefault("20000")
    int maxFiles();

    /** How often a {@code templateDeployV2} workflow is polled. */
    @WithDefault("1s")
    Duration workflowPollInterval();

    /** How long a template workflow may run before provisioning fails with TIMED_OUT. */
    @WithDefault("3m")
    Duration workflowTimeout();
}
