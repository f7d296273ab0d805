package dev.deploygateway.sandbox.railway;

import jakarta.ws.rs.Path;

import dev.deploygateway.sandbox.UnknownRoutes;

/**
 * Every other path under {@code /sandbox/railway} answers like Railway's backboard REST side ({@code /up}): 404
 * {@code {"message":…}}. The websocket route runs before JAX-RS, so it is not shadowed.
 */
@Path("/sandbox/railway")
public class BackboardUnknownRoutes extends UnknownRoutes {

    @Override
    protected RuntimeException unknown() {
        return BackboardError.rest(404, "Not Found");
    }
}
