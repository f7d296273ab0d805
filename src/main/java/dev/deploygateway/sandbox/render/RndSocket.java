package dev.deploygateway.sandbox.render;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.configuration.ConfigUtils;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/logs/subscribe} as a websocket: the upgrade request's {@code Authorization} must be a key of the
 * resource's workspace (else the upgrade is refused with 401); each new log entry of the resource and type is sent
 * as one text frame holding one log object; nothing earlier is replayed. With {@code .sandbox/drop-socket} in the
 * service's newest deploy the socket is closed after a few frames (a cut stream). A raw Vert.x route, outside prod.
 */
@ApplicationScoped
class RndSocket {

    static final String PATH = "/sandbox/render/v1/logs/subscribe";

    private final RndCaller callers;
    private final RndLogs logs;
    private final RndBuilds builds;
    private final RndConfig config;
    private final RndStats stats;

    RndSocket(RndCaller callers, RndLogs logs, RndBuilds builds, RndConfig config, RndStats stats) {
        this.stats = stats;
        this.callers = callers;
        this.logs = logs;
        this.builds = builds;
        this.config = config;
    }

    void routes(@Observes Router router) {
        if (ConfigUtils.isProfileActive("prod")) {
            // A raw route bypasses JAX-RS filters, so it must not rely on the filter that hides /sandbox in prod.
            return;
        }
        router.get(PATH).handler(this::upgrade);
    }

    private void upgrade(RoutingContext ctx) {
        var request = ctx.request();
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            ctx.next();
            return;
        }
        String resource = request.getParam("resource");
        String type = request.getParam("type", "build");
        try {
            callers.service(request.getHeader("Authorization"), resource == null ? "" : resource);
        } catch (RndError refused) {
            request.response().setStatusCode(refused.getResponse().getStatus()).end();
            return;
        }
        request.toWebSocket().onSuccess(ws -> {
            stats.increment(RndStats.SOCKETS);
            var sent = new AtomicInteger();
            Runnable[] unsubscribe = new Runnable[1];
            unsubscribe[0] = logs.subscribe(new RndLogs.Subscriber(resource, type, entry -> {
                if (ws.isClosed()) {
                    return;
                }
                ws.writeTextMessage(new JsonObject(entry.json()).encode());
                // Asked per frame: the marker is known only once the build has read the repository.
                if (sent.incrementAndGet() >= config.dropSocketAfterFrames() && builds.dropsSockets(resource)) {
                    ws.close();
                }
            }));
            ws.closeHandler(v -> unsubscribe[0].run());
        });
    }
}
