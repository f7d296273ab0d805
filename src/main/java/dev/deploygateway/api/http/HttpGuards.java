package dev.deploygateway.api.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;

/**
 * Installs the router guards in one place, in the order they must run: all of them before Quarkus's CORS filter
 * (route order -300) and body size check (-2), the security headers first of all so that they also reach the
 * guards' own refusals.
 */
@Singleton
class HttpGuards {

    private static final int FIRST = Integer.MIN_VALUE;

    private final SecurityHeaders headers;
    private final UriLengthGuard uriLength;
    private final OriginGuard origins;
    private final BodyLimitGuard bodyLimit;

    HttpGuards(SecurityHeaders headers, UriLengthGuard uriLength, OriginGuard origins, BodyLimitGuard bodyLimit) {
        this.headers = headers;
        this.uriLength = uriLength;
        this.origins = origins;
        this.bodyLimit = bodyLimit;
    }

    void install(@Observes Router router) {
        router.route().order(FIRST).handler(headers);
        router.route().order(FIRST + 1).handler(uriLength);
        router.route().order(FIRST + 2).handler(origins);
        router.route().order(FIRST + 3).handler(bodyLimit);
        router.route().order(FIRST).failureHandler(bodyLimit::onFailure);
    }

    /** The management interface (health and metrics in prod) gets the same headers. */
    void install(@Observes ManagementInterface management) {
        management.router().route().order(FIRST).handler(headers);
    }
}
