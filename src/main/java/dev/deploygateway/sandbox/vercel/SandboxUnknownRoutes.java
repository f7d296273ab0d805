package dev.deploygateway.sandbox.vercel;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;

/**
 * Every path under {@code /sandbox/vercel} that no sandbox endpoint serves answers like {@code api.vercel.com}:
 * 404 {@code {"error":{"code":"not_found",…}}}, not the gateway's problem+json (a Vercel client reads the former).
 * The method template matches anything (the class path is every sandbox resource's, so JAX-RS compares
 * method templates), so every more specific endpoint wins over it.
 */
@Path("/sandbox/vercel")
public class SandboxUnknownRoutes {

    @GET
    @Path("{path: .+}")
    public void get() {
        throw unknown();
    }

    @POST
    @Path("{path: .+}")
    public void post() {
        throw unknown();
    }

    @PUT
    @Path("{path: .+}")
    public void put() {
        throw unknown();
    }

    @PATCH
    @Path("{path: .+}")
    public void patch() {
        throw unknown();
    }

    @DELETE
    @Path("{path: .+}")
    public void delete() {
        throw unknown();
    }

    private static WebApplicationException unknown() {
        return SandboxError.of(404, "not_found", "The requested API endpoint was not found.");
    }
}
