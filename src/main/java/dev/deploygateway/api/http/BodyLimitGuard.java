package dev.deploygateway.api.http;

import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.deploygateway.error.ErrorCode;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * {@code MAX_REQUEST_BODY} as problem+json. Left to Quarkus, an oversized body gets an empty 413: up front when
 * {@code Content-Length} says too much, and for a chunked body from the REST layer's input stream, which then
 * also fails the request a second time ("Response has already been written"). So this guard refuses a declared
 * length itself, and reads a chunked body (no declared length) with a Vert.x body handler capped at the limit,
 * whose refusal reaches {@link #onFailure} before anything was written. The REST layer then takes the body that
 * was read instead of streaming it again.
 */
@Singleton
class BodyLimitGuard implements Handler<RoutingContext> {

    private static final Set<HttpMethod> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);

    private final long maxBodyBytes;
    private final BodyHandler chunkedBodies;

    BodyLimitGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "quarkus.http.body.uploads-directory") String uploadsDirectory) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.chunkedBodies = BodyHandler.create(uploadsDirectory)
                .setBodyLimit(maxBodyBytes)
                .setDeleteUploadedFilesOnEnd(true)
                .setMergeFormAttributes(true);
    }

    @Override
    public void handle(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            if (declaredTooLarge(declared)) {
                tooLarge(ctx);
            } else {
                ctx.next();
            }
        } else if (streamsItsBody(ctx) && BODY_METHODS.contains(ctx.request().method()) && !ctx.request().isEnded()) {
            chunkedBodies.handle(ctx);
        } else {
            ctx.next();
        }
    }

    /** Failure handler: the body handler's refusals (over the limit, undecodable) as problems. */
    void onFailure(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.next();
        } else if (ctx.statusCode() == 413) {
            tooLarge(ctx);
        } else if (ctx.statusCode() == 400) {
            HttpRefusal.send(ctx, ErrorCode.MALFORMED_REQUEST, 400, "The request body could not be decoded.",
                    Map.of(), true);
        } else {
            ctx.next();
        }
    }

    /** A body without a declared length: chunked in HTTP/1.1; in HTTP/2 any body may come without one. */
    private static boolean streamsItsBody(RoutingContext ctx) {
        return ctx.request().version() == HttpVersion.HTTP_2
                || ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private boolean declaredTooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            // Malformed lengths are the HTTP codec's business: it refuses them before any route runs.
            return false;
        }
    }

    private void tooLarge(RoutingContext ctx) {
        HttpRefusal.send(ctx, ErrorCode.PAYLOAD_TOO_LARGE, 413,
                "The request body exceeds the limit of " + maxBodyBytes + " bytes.",
                Map.of("limitBytes", maxBodyBytes), true);
    }
}
