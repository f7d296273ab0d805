package dev.deploygateway.api.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Test-only route that brings its own policy, as a sandbox site may: the security headers must not replace it. */
@Path("/api/v1/test-only/own-policy")
public class OwnPolicyTestResource {

    static final String POLICY = "sandbox; default-src 'none'";

    @GET
    public Response page() {
        return Response.ok("<p>hi</p>", "text/html").header("Content-Security-Policy", POLICY).build();
    }
}
