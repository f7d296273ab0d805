package dev.deploygateway.sandbox.render;

import jakarta.ws.rs.Path;

import dev.deploygateway.sandbox.UnknownRoutes;

/**
 * Every other path of Render's API ({@code /sandbox/render/v1/…}) answers like Render: 404
 * {@code {"id":"not_found",…}}. Its class path is the one the other Render resources at {@code /v1} share, so JAX-RS
 * compares their method templates with this catch-all's (a class with a longer path would win outright).
 */
@Path("/sandbox/render/v1")
public class RndUnknownRoutes extends UnknownRoutes {

    @Override
    protected RuntimeException unknown() {
        return RndError.of(404, "not_found", "Not Found");
    }
}
