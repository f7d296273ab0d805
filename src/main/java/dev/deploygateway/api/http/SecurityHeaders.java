package dev.deploygateway.api.http;

import jakarta.inject.Singleton;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Security headers on every response the router writes (page, API, problems, static files, the sandbox): set
 * when the response's head is written, so they are there whichever handler answered, and only where a handler
 * did not set its own (a sandbox site may bring a stricter policy). The page's policy allows scripts and styles
 * from this origin only: no {@code unsafe-inline}, so an injected inline script or handler does not run.
 */
@Singleton
class SecurityHeaders implements Handler<RoutingContext> {

    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";
    /** Swagger UI configures itself with inline scripts; it exists only in the dev, test and demo profiles. */
    static final String TOOLING_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";
    private static final String SWAGGER_UI = "/q/swagger-ui";
    // Quarkus's Dev UI (dev mode only) loads code in ways no fixed policy describes; it gets the other headers.
    private static final String DEV_UI = "/q/dev-ui";

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.request().path();
        ctx.addHeadersEndHandler(ignored -> apply(path, ctx.response().headers()));
        ctx.next();
    }

    static void apply(String path, MultiMap headers) {
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        String safePath = path == null ? "" : path;
        if (safePath.startsWith(SWAGGER_UI)) {
            setIfAbsent(headers, "Content-Security-Policy", TOOLING_POLICY);
        } else if (!safePath.startsWith(DEV_UI)) {
            setIfAbsent(headers, "Content-Security-Policy", PAGE_POLICY);
        }
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
