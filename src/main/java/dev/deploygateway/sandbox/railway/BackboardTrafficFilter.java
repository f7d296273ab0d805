package dev.deploygateway.sandbox.railway;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Applies {@link BackboardTraffic} to the sandbox's API routes (GraphQL over HTTP and {@code /up}); OAuth, sites and
 * controls pass untouched. A refused GraphQL request gets Railway's error envelope, a refused upload {@code {message}}.
 */
class BackboardTrafficFilter {

    private static final String WINDOW = BackboardTrafficFilter.class.getName() + ".window";
    private static final String GRAPHQL = "/sandbox/railway/graphql/v2";
    private static final String UPLOADS = "/sandbox/railway/project/";

    private final BackboardTraffic traffic;

    BackboardTrafficFilter(BackboardTraffic traffic) {
        this.traffic = traffic;
    }

    @ServerRequestFilter(preMatching = true)
    Response admit(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        boolean graphql = path.equals(GRAPHQL);
        if (!graphql && !path.startsWith(UPLOADS)) {
            return null;
        }
        String token = request.getHeaderString("Project-Access-Token");
        var window = traffic.count(token != null ? token
                : BackboardCaller.bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION)).orElse(null));
        request.setProperty(WINDOW, window);
        if (window.retryAfter().isEmpty()) {
            return null;
        }
        String message = "Rate limit exceeded; retry in " + window.retryAfter().get() + " seconds";
        Object body = graphql ? BackboardError.envelope(new BackboardError(message, "RATE_LIMITED"), null)
                : Map.of("message", message);
        var response = Response.status(429).type(MediaType.APPLICATION_JSON).entity(body);
        window.headers().forEach(response::header);
        return response.build();
    }

    @ServerResponseFilter
    void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(WINDOW) instanceof BackboardTraffic.Window window
                && !response.getHeaders().containsKey("X-RateLimit-Limit")) {
            window.headers().forEach((k, v) -> response.getHeaders().put(k, List.of(v)));
        }
    }
}
