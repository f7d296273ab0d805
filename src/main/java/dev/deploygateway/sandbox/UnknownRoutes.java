package dev.deploygateway.sandbox;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

/**
 * A sandbox's catch-all: every path under the subclass's {@code @Path} that no sandbox endpoint serves answers with
 * the platform's own 404 body, not the gateway's problem+json (the platform's clients read the former). The method
 * template matches anything, and JAX-RS prefers every more specific template, so each real endpoint wins over it.
 */
public abstract class UnknownRoutes {

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

    /** The platform's answer to a path it does not serve. */
    protected abstract RuntimeException unknown();
}
