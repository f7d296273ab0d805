package dev.deploygateway.api.http;

import java.util.Map;

import dev.deploygateway.api.problem.Problems;
import dev.deploygateway.error.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** Writes a problem+json refusal from a Vert.x route, where no {@code RestResponse} can be returned. */
final class HttpRefusal {

    private HttpRefusal() {
    }

    /**
     * Ends the exchange with a problem. The connection is closed when {@code closeConnection} says so or the
     * request has not been read to its end: the client may still be sending a body nobody will read, and keeping
     * the connection would mean draining it.
     */
    static void send(RoutingContext ctx, ErrorCode code, int status, String detail, Map<String, ?> extensions,
            boolean closeConnection) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            ctx.request().connection().close();
            return;
        }
        // The path is echoed as "instance" only while it is short: a refused 16 KiB URI is not repeated back.
        String path = ctx.request().path();
        String instance = path != null && path.length() <= 512 ? path : null;
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE);
        if (closeConnection || !ctx.request().isEnded()) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(Json.encode(Problems.body(code, status, detail, instance, extensions)));
    }
}
