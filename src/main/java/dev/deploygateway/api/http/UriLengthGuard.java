package dev.deploygateway.api.http;

import java.util.Map;

import jakarta.inject.Singleton;

import dev.deploygateway.config.HttpGuardsConfig;
import dev.deploygateway.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code MAX_URI_LENGTH} as a 414 problem. The HTTP codec's own request-line limit is set higher
 * (application.properties), so that this guard, not the codec's empty 414, answers the URIs a client can
 * plausibly send.
 */
@Singleton
class UriLengthGuard implements Handler<RoutingContext> {

    private final int maxUriLength;

    UriLengthGuard(HttpGuardsConfig config) {
        this.maxUriLength = config.maxUriLength();
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.request().uri().length() > maxUriLength) {
            HttpRefusal.send(ctx, ErrorCode.URI_TOO_LONG, 414,
                    "The request URI is longer than " + maxUriLength + " characters.",
                    Map.of("limit", maxUriLength), false);
        } else {
            ctx.next();
        }
    }
}
