package dev.deploygateway.sandbox.github;

import java.util.regex.Pattern;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Applies {@link HubTraffic} to the sandbox's REST API ({@code api.github.com}'s paths): rate-limit headers on every
 * answer, 403/429 when a limit is reached. The OAuth pages (github.com's) and the sandbox controls pass untouched.
 */
class HubTrafficFilter {

    static final String PREFIX = "/sandbox/github/";
    private static final String WINDOW = HubTrafficFilter.class.getName() + ".window";
    private static final Pattern CREATES = Pattern.compile(
            "^/sandbox/github/(user/repos|orgs/[^/]+/repos|repos/[^/]+/[^/]+/git/(blobs|trees|commits|refs.*))$");

    private final HubTraffic traffic;
    private final HubCaller callers;

    HubTrafficFilter(HubTraffic traffic, HubCaller callers) {
        this.traffic = traffic;
        this.callers = callers;
    }

    static boolean isApi(String path) {
        return path.startsWith(PREFIX) && !path.startsWith(PREFIX + "_sandbox") && !path.startsWith(PREFIX + "login/");
    }

    @ServerRequestFilter(preMatching = true)
    Response admit(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!isApi(path)) {
            return null;
        }
        // GitHub's media types (application/vnd.github+json, …) are JSON: what GitHub answers them with.
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("application/vnd.github")) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        }
        HubCaller.Caller caller;
        try {
            caller = callers.resolve(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        } catch (WebApplicationException e) {
            return e.getResponse();
        }
        boolean anonymous = caller.user().isEmpty() && !caller.installation();
        var window = traffic.count(caller.rateKey(), anonymous);
        request.setProperty(WINDOW, window);
        String method = request.getMethod();
        boolean creates = ("POST".equals(method) || "PATCH".equals(method)) && CREATES.matcher(path).matches();
        String who = caller.user().map(u -> "user ID " + u.owner().id()).orElse("127.0.0.1");
        return traffic.admit(path, creates, caller.rateKey(), who, window).map(r -> {
            var response = Response.status(r.status()).type(MediaType.APPLICATION_JSON).entity(r.body());
            r.headers().forEach(response::header);
            return response.build();
        }).orElse(null);
    }

    @ServerResponseFilter
    void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(WINDOW) instanceof HubTraffic.Window window
                && !response.getHeaders().containsKey("x-ratelimit-limit")) {
            window.headers().forEach(response.getHeaders()::putSingle);
        }
    }
}
