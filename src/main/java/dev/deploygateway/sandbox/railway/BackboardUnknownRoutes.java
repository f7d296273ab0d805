package dev.deploygateway.sandbox.railway;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;

/**
 * Every path under {@code /sandbox/railway} that no sandbox endpoint serves answers like Railway's backboard REST
 * side ({@code /up}): 404 {@code {"message":…}}, not the gateway's problem+json. The template matches anything, so
 * every more specific endpoint (and the websocket route, which runs before JAX-RS) wins over it.
 */
@Path("/sandbox/railway")
public class BackboardUnknownRoutes {

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
        return BackboardError.rest(404, "Not Found");
    }
}
