package dev.deploygateway.api.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;

/** Installs the router guards in one place, in the order they must run: the security headers first of all. */
@Singleton
class HttpGuards {

    private static final int FIRST = Integer.MIN_VALUE;

    private final SecurityHeaders headers;

    HttpGuards(SecurityHeaders headers) {
        this.headers = headers;
    }

    void install(@Observes Router router) {
        router.route().order(FIRST).handler(headers);
    }

    /** The management interface (health and metrics in prod) gets the same headers. */
    void install(@Observes ManagementInterface management) {
        management.router().route().order(FIRST).handler(headers);
    }
}
