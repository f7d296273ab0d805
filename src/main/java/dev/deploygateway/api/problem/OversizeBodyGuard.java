package dev.deploygateway.api.problem;

import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.deploygateway.error.ErrorCode;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Oversized bodies are refused by the HTTP layer before any REST code runs, with an empty body. This guard
 * answers them as problem+json instead: up front when {@code Content-Length} already says too much, and in the
 * failure handler when a chunked body grows past the limit.
 */
@Singleton
public class OversizeBodyGuard {

    private final long maxBodyBytes;

    OversizeBodyGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        // Before Quarkus's body handler, which would otherwise answer a bare 413.
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            if (ctx.statusCode() == 413 && !ctx.response().headWritten()) {
                reject(ctx);
            } else {
                ctx.next();
            }
        });
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > maxBodyBytes) {
                    reject(ctx);
                    return;
                }
            } catch (NumberFormatException e) {
                // Malformed lengths are the HTTP codec's business; let it answer.
            }
        }
        ctx.next();
    }

    private void reject(RoutingContext ctx) {
        Map<String, Object> body = Map.of(
                "type", Problems.TYPE_BASE + "payload-too-large",
                "title", ErrorCode.PAYLOAD_TOO_LARGE.title(),
                "status", 413,
                "detail", "The request body exceeds the limit of " + maxBodyBytes + " bytes.",
                "instance", ctx.request().path(),
                "code", ErrorCode.PAYLOAD_TOO_LARGE.name(),
                "limitBytes", maxBodyBytes);
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(body));
    }
}
