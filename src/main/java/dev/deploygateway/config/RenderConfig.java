package dev.deploygateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Render platform client ({@code quarkus.rest-client.render.url}: {@code https://api.render.com/v1}). */
@ConfigMapping(prefix = "gateway.render")
public interface RenderConfig {

    /** {@code RENDER_LOGS_WS_URL}: the log subscription websocket, when not the REST base with {@code ws(s)://}. */
    Optional<URI> logsWebsocketUrl();

    /** Timeouts, retries and 429 waits of every Render call and log-socket reconnect ({@code …render.calls.*}). */
    PlatformCallConfig calls();

    /** Region of new services and databases when the request names none. */
    @WithDefault("oregon")
    String defaultRegion();

    /** Plan of new web services when the request names none; empty leaves Render's default ({@code starter}). */
    Optional<String> defaultPlan();

    /** Plan of the Postgres the gateway provisions. */
    @WithDefault("free")
    String databasePlan();

    /** Postgres major version the gateway provisions. */
    @WithDefault("16")
    String databaseVersion();

    /** How often a new database is polled until it is {@code available}. */
    @WithDefault("2s")
    Duration databasePollInterval();

    /** How long a new database may take to become available before provisioning fails with TIMED_OUT. */
    @WithDefault("10m")
    Duration databaseTimeout();

    /** How often a deploy's status is read while its build log streams (and the log, when the socket is down). */
    @WithDefault("2s")
    Duration statusPollInterval();

    /** Log entries asked for per {@code GET /v1/logs} page (Render's maximum is 100). */
    @WithDefault("100")
    int logsPageSize();

    /** Pre-flight: most files in one deployment (the source goes through a GitHub tree request). */
    @WithDefault("20000")
    int maxFiles();

    /** Pre-flight: largest file, bytes (GitHub refuses files over 100 MB). */
    @WithDefault("52428800")
    long maxFileBytes();

    /** Pre-flight: all files together, bytes. */
    @WithDefault("524288000")
    long maxTotalBytes();
}
