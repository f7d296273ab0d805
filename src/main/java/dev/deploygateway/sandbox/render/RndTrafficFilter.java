package dev.deploygateway.sandbox.render;

import java.time.Instant;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Applies {@link RndTraffic} to the sandbox's {@code /v1} API; its controls pass untouched. */
class RndTrafficFilter {

    static final String API = "/sandbox/render/v1/";
    private static final String WINDOW = RndTrafficFilter.class.getName() + ".window";

    private final RndTraffic traffic;

    RndTrafficFilter(RndTraffic traffic) {
        this.traffic = traffic;
    }

    @ServerRequestFilter(preMatching = true)
    Response admit(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!path.startsWith(API)) {
            return null;
        }
        String key = String.valueOf(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        var window = traffic.count(key, request.getMethod(), path);
        request.setProperty(WINDOW, window);
        var forced = traffic.forcedRetryAfter(path);
        if (forced.isEmpty() && !window.exceeded()) {
            return null;
        }
        long retryAfter = forced.map(Integer::longValue).orElseGet(() -> Math.max(1,
                window.resetEpochSeconds() - Instant.now().getEpochSecond()));
        var response = Response.status(429).type(MediaType.APPLICATION_JSON)
                .entity(RndError.body("rate_limited", "Rate limit has been surpassed."))
                .header("Retry-After", Long.toString(retryAfter));
        window.headers().forEach(response::header);
        response.header("Ratelimit-Remaining", "0");
        return response.build();
    }

    @ServerResponseFilter
    void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(WINDOW) instanceof RndTraffic.Window window
                && !response.getHeaders().containsKey("Ratelimit-Limit")) {
            window.headers().forEach(response.getHeaders()::putSingle);
        }
    }
}
