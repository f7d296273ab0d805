package dev.deploygateway.sandbox.github;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * Every path under {@code /sandbox/github} no sandbox endpoint serves answers like {@code api.github.com}: 404
 * {@code {"message":"Not Found",…}}, not the gateway's problem+json. The template matches anything, so every more
 * specific endpoint wins over it.
 */
@Path("/sandbox/github")
public class HubUnknownRoutes {

    @GET
    @Path("{path: .+}")
    public void get() {
        throw HubError.notFound();
    }

    @POST
    @Path("{path: .+}")
    public void post() {
        throw HubError.notFound();
    }

    @PUT
    @Path("{path: .+}")
    public void put() {
        throw HubError.notFound();
    }

    @PATCH
    @Path("{path: .+}")
    public void patch() {
        throw HubError.notFound();
    }

    @DELETE
    @Path("{path: .+}")
    public void delete() {
        throw HubError.notFound();
    }
}
