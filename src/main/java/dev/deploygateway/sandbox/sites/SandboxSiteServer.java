package dev.deploygateway.sandbox.sites;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * Serves {@code GET /<platform>/<host>/<path>} on {@code sandbox.sites.port}: a separate origin from the gateway, so
 * a page one user deploys cannot act with another user's gateway session (the gateway's CORS and CSRF checks refuse
 * its origin, and its CSP keeps it from even trying). Only GET and HEAD; every answer carries the CSP,
 * {@code nosniff} and {@code Referrer-Policy: no-referrer}. Failing to bind the port is logged and does not stop the
 * app: the sandboxes' APIs work without it, only the "open site" links do not.
 */
@ApplicationScoped
class SandboxSiteServer {

    private static final Logger LOG = Logger.getLogger(SandboxSiteServer.class);

    private final Vertx vertx;
    private final SandboxSitesConfig config;
    private final Map<String, SiteSource> sources;
    private volatile HttpServer server;

    SandboxSiteServer(Vertx vertx, SandboxSitesConfig config, Instance<SiteSource> sources) {
        this.vertx = vertx;
        this.config = config;
        this.sources = sources.stream().collect(Collectors.toMap(SiteSource::prefix, s -> s));
    }

    void start(@Observes StartupEvent event) {
        // The gateway's one demo-features decision (an allow-list of profiles), read from config: no gateway import.
        if (!ConfigProvider.getConfig().getValue("gateway.demo-features.enabled", Boolean.class)) {
            return; // no sandboxes without demo features, so nothing to serve
        }
        vertx.createHttpServer().requestHandler(this::handle).listen(config.port(), config.host())
                .onSuccess(s -> {
                    server = s;
                    LOG.infof("Sandbox sites are served on http://%s:%d/", config.host(), s.actualPort());
                })
                .onFailure(e -> LOG.warnf("Sandbox site server could not listen on %s:%d (%s): deployed sandbox "
                        + "sites cannot be opened; set sandbox.sites.port", config.host(), config.port(), e));
    }

    void stop(@Observes ShutdownEvent event) {
        HttpServer running = server;
        if (running != null) {
            running.close();
        }
    }

    private void handle(HttpServerRequest request) {
        var response = request.response();
        response.putHeader("Content-Security-Policy", config.contentSecurityPolicy())
                .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store");
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            response.setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
            return;
        }
        String[] parts = request.path().split("/", 4);
        Optional<SiteSource.SiteFile> file = parts.length < 3 ? Optional.empty()
                : Optional.ofNullable(sources.get(parts[1])).flatMap(source -> source.find(decode(parts[2]),
                        parts.length == 4 ? decode(parts[3]) : ""));
        if (file.isEmpty()) {
            response.setStatusCode(404).putHeader("Content-Type", "text/plain; charset=utf-8").end("Not Found");
            return;
        }
        response.putHeader("Content-Type", file.get().contentType());
        response.end(request.method() == HttpMethod.HEAD ? Buffer.buffer() : Buffer.buffer(file.get().content()));
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
