package dev.deploygateway.sandbox.github;

import jakarta.ws.rs.Path;

import dev.deploygateway.sandbox.UnknownRoutes;

/** Every other path under {@code /sandbox/github} answers like {@code api.github.com}: 404 {@code {"message":…}}. */
@Path("/sandbox/github")
public class HubUnknownRoutes extends UnknownRoutes {

    @Override
    protected RuntimeException unknown() {
        return HubError.notFound();
    }
}
