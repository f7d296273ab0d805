package dev.deploygateway.sandbox.render;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/** Every other path under {@code /sandbox/render} answers like Render: 404 {@code {"id":"not_found",…}}. */
@Path("/sandbox/render")
public class RndUnknownRoutes {

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

    private static RndError unknown() {
        return RndError.of(404, "not_found", "Not Found");
    }
}
