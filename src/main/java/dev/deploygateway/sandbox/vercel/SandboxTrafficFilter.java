package dev.deploygateway.sandbox.vercel;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Applies {@link SandboxTraffic} to the sandbox's JAX-RS API endpoints; other paths pass untouched. */
class SandboxTrafficFilter {

    private static final String WINDOW = SandboxTrafficFilter.class.getName() + ".window";

    private final SandboxTraffic traffic;

    SandboxTrafficFilter(SandboxTraffic traffic) {
        this.traffic = traffic;
    }

    @ServerRequestFilter(preMatching = true)
    Response admit(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!SandboxTraffic.isApi(path)) {
            return null;
        }
        var window = traffic.count(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        request.setProperty(WINDOW, window);
        return traffic.admit(path, window).map(r -> {
            var response = Response.status(r.status()).type(MediaType.APPLICATION_JSON).entity(r.body());
            r.headers().forEach(response::header);
            return response.build();
        }).orElse(null);
    }

    @ServerResponseFilter
    void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(WINDOW) instanceof SandboxTraffic.Window window
                && !response.getHeaders().containsKey("X-RateLimit-Limit")) {
            window.headers().forEach(response.getHeaders()::putSingle);
        }
    }
}
