package dev.deploygateway.api.http;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.deploygateway.error.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS refusals as 403 {@code CORS_REJECTED} problems. Quarkus's CORS filter refuses a disallowed origin (and a
 * disallowed method from an allowed one) with an empty 403; this guard runs before it and refuses exactly those
 * requests itself, so the filter is left to add the CORS headers to what it lets through and to answer
 * preflights.
 */
@Singleton
class OriginGuard implements Handler<RoutingContext> {

    private final OriginPolicy policy;
    private final Set<HttpMethod> corsMethods;

    OriginGuard(OriginPolicy policy, @ConfigProperty(name = "quarkus.http.cors.methods") List<String> methods) {
        this.policy = policy;
        this.corsMethods = methods.stream().map(m -> HttpMethod.valueOf(m.trim().toUpperCase()))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            ctx.next();
        } else if (!policy.allows(origin, request.scheme(), authority(request))) {
            refuse(ctx, "Requests from this origin are not allowed (ALLOWED_ORIGINS).");
        } else if (policy.isListed(origin) && !isPreflight(request) && !corsMethods.contains(request.method())) {
            refuse(ctx, "This method is not allowed for cross-origin requests.");
        } else {
            ctx.next();
        }
    }

    private static String authority(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return null;
        }
        String host = authority.host().indexOf(':') >= 0 && !authority.host().startsWith("[")
                ? "[" + authority.host() + "]" : authority.host();
        return authority.port() == -1 ? host : host + ":" + authority.port();
    }

    private static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS
                && (request.headers().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)
                        || request.headers().contains(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
    }

    private static void refuse(RoutingContext ctx, String detail) {
        HttpRefusal.send(ctx, ErrorCode.CORS_REJECTED, 403, detail, Map.of(), false);
    }
}
