package dev.deploygateway.sandbox.railway;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Sandbox-only controls (no Railway counterpart): mint an account token for a named user, expire a token, and
 * counters tests assert on (refresh requests, revoked grants, deployments started), and the 429 scenario switch.
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

    public record MintProjectToken(String username, String projectId) {
    }

    /** The next {@code count} API requests are answered 429 with {@code Retry-After: retryAfterSeconds}. */
    public record RateLimit(Integer count, Long retryAfterSeconds) {
    }

    private final BackboardAccounts accounts;
    private final BackboardBuilds builds;
    private final BackboardStore store;
    private final BackboardTraffic traffic;

    BackboardControlResource(BackboardAccounts accounts, BackboardBuilds builds, BackboardStore store,
            BackboardTraffic traffic) {
        this.accounts = accounts;
        this.builds = builds;
        this.store = store;
        this.traffic = traffic;
    }

    @POST
    @Path("/rate-limit")
    public Response rateLimit(RateLimit request) {
        int count = request == null || request.count() == null ? 1 : request.count();
        long retryAfter = request == null || request.retryAfterSeconds() == null ? 1 : request.retryAfterSeconds();
        if (count < 1 || retryAfter < 0) {
            throw BackboardError.rest(400, "count must be positive and retryAfterSeconds not negative");
        }
        traffic.force(count, retryAfter);
        return Response.status(201).build();
    }

    @DELETE
    @Path("/rate-limit")
    public Response clearRateLimit() {
        traffic.clear();
        return Response.noContent().build();
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

    /** A {@code Project-Access-Token} for one of the user's projects. */
    @POST
    @Path("/project-tokens")
    public Response mintProjectToken(MintProjectToken request) {
        if (request == null || request.username() == null || request.projectId() == null) {
            throw BackboardError.rest(400, "username and projectId are required");
        }
        var user = accounts.user(request.username());
        try {
            store.project(request.projectId(), new BackboardCaller.Caller(user, Optional.empty()));
        } catch (BackboardError e) {
            throw BackboardError.rest(404, "Project not found for this user");
        }
        return Response.status(201).entity(Map.of("token", accounts.mintProjectToken(user, request.projectId())))
                .build();
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
