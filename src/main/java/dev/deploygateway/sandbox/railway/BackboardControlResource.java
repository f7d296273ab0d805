package dev.deploygateway.sandbox.railway;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Sandbox-only controls (no Railway counterpart): mint an account token for a named user, expire a token, and
 * counters tests assert on (refresh requests, revoked grants, deployments started).
 */
@Path("/sandbox/railway/_sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BackboardControlResource {

    /** {@code expiresInSeconds} defaults to {@code sandbox.railway.token-lifetime}. */
    public record MintToken(String username, Long expiresInSeconds) {
    }

    public record ExpireToken(String token) {
    }

    private final BackboardAccounts accounts;
    private final BackboardBuilds builds;

    BackboardControlResource(BackboardAccounts accounts, BackboardBuilds builds) {
        this.accounts = accounts;
        this.builds = builds;
    }

    @POST
    @Path("/tokens")
    public Response mint(MintToken request) {
        if (request == null || request.username() == null || !request.username().matches("[A-Za-z0-9_-]{1,48}")) {
            throw BackboardError.rest(400, "username must be 1-48 letters, digits, '-' or '_'");
        }
        var user = accounts.user(request.username());
        String token = accounts.mintAccountToken(user,
                Optional.ofNullable(request.expiresInSeconds()).map(Duration::ofSeconds));
        return Response.status(201).entity(Map.of("token", token, "userId", user.id(), "workspaceId",
                user.workspaceId())).build();
    }

    @POST
    @Path("/tokens/expire")
    public Response expire(ExpireToken request) {
        if (request != null && request.token() != null) {
            accounts.expire(request.token());
        }
        return Response.noContent().build();
    }

    @GET
    @Path("/stats")
    public Map<String, Object> stats() {
        return Map.of("refreshRequests", accounts.refreshRequests(), "revokedGrants", accounts.revokedGrants(),
                "deploymentsStarted", builds.startedCount());
    }
}
