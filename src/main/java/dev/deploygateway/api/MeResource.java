package dev.deploygateway.api;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.deploygateway.identity.Caller;
import dev.deploygateway.identity.CurrentCaller;

/** Who am I: the verified caller behind this request. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final CurrentCaller caller;

    MeResource(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The verified caller", description = "From the bearer token or the session cookie.")
    public Me me() {
        Caller c = caller.get();
        return new Me(c.userId(), c.issuer(), c.source().name().toLowerCase(), c.expiresAt());
    }

    /** The caller as shown to itself; never the token. */
    public record Me(String userId, String issuer, String authenticatedBy, Instant expiresAt) {
    }
}
