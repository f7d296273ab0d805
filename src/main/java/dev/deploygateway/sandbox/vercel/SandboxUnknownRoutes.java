package dev.deploygateway.sandbox.vercel;

import jakarta.ws.rs.Path;

import dev.deploygateway.sandbox.UnknownRoutes;

/** Every other path under {@code /sandbox/vercel} answers like {@code api.vercel.com}: 404 {@code {"error":{…}}}. */
@Path("/sandbox/vercel")
public class SandboxUnknownRoutes extends UnknownRoutes {

    @Override
    protected RuntimeException unknown() {
        return SandboxError.of(404, "not_found", "The requested API endpoint was not found.");
    }
}
