package dev.deploygateway.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test-only route that fails unexpectedly, to prove a 500 leaks nothing. */
@Path("/api/v1/test-only/boom")
public class BoomTestResource {

    @GET
    public String boom() {
        throw new IllegalStateException("boom-secret internal detail");
    }
}
