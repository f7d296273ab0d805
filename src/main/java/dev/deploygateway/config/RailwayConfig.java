package dev.deploygateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Railway platform client (GraphQL, {@code /up} tarball upload, websocket logs, "Login with Railway"). */
@ConfigMapping(prefix = "gateway.railway")
public interface RailwayConfig {

    /** {@code RAILWAY_API_URL}: the GraphQL endpoint; subscriptions use the same URL with {@code ws(s)://}. */
    URI apiUrl();

    /** {@code RAILWAY_WS_URL}: the subscriptions websocket, when not {@link #apiUrl()} with {@code ws(s)://}. */
    Optional<URI> websocketUrl();

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

    /**
     * Timeouts, retries and 429 waits of every Railway call and socket reconnect ({@code gateway.railway.calls.*};
     * {@code call-timeout} is 120s by default in application.properties: the tarball upload is one call).
     */
    PlatformCallConfig calls();

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
