package dev.deploygateway.sandbox.vercel;

import java.time.Duration;
import java.util.LinkedHashMap;
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
 * Sandbox-only controls (no Vercel counterpart), documented in docs/platforms.md: mint a personal token for a
 * named user, expire a token, inject faults, read counters.
 */
@Path("/sandbox/vercel/_sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SandboxControlResource {

    /** Request to mint a token; {@code expiresInSeconds} defaults to the configured token lifetime. */
    public record MintToken(String username, Long expiresInSeconds) {
    }

    /** Request to expire a token (in the body, so it never lands in an access log). */
    public record ExpireToken(String token) {
    }

    /** The next {@code count} requests whose path contains {@code pathContains} are answered {@code status}. */
    public record InjectFault(int status, Integer retryAfterSeconds, String pathContains, Integer count) {
    }

    private final SandboxAccounts accounts;
    private final SandboxTraffic traffic;
    private final SandboxBlobs blobs;
    private final SandboxDeployments deployments;

    SandboxControlResource(SandboxAccounts accounts, SandboxTraffic traffic, SandboxBlobs blobs,
            SandboxDeployments deployments) {
        this.accounts = accounts;
        this.traffic = traffic;
        this.blobs = blobs;
        this.deployments = deployments;
    }

    @POST
    @Path("/tokens")
    public Response mint(MintToken request) {
        if (request == null || request.username() == null || !request.username().matches("[a-z0-9][a-z0-9-]{0,47}")) {
            throw SandboxError.badRequest("username must be 1-48 lowercase letters, digits or '-'");
        }
        var user = accounts.user(request.username());
        String token = accounts.mintToken(user,
                Optional.ofNullable(request.expiresInSeconds()).map(Duration::ofSeconds));
        var json = new LinkedHashMap<String, Object>();
        json.put("token", token);
        json.put("userId", user.id());
        json.put("username", user.username());
        json.put("teamId", user.teamId());
        return Response.status(201).entity(json).build();
    }

    @POST
    @Path("/tokens/expire")
    public Response expire(ExpireToken request) {
        if (request != null && request.token() != null) {
            accounts.expire(request.token());
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/faults")
    public Response inject(InjectFault fault) {
        if (fault == null || fault.status() < 400 || fault.status() > 599) {
            throw SandboxError.badRequest("status must be 4xx or 5xx");
        }
        traffic.inject(fault.status(), fault.retryAfterSeconds() == null ? 1 : fault.retryAfterSeconds(),
                fault.pathContains(), fault.count() == null ? 1 : fault.count());
        return Response.status(201).build();
    }

    @DELETE
    @Path("/faults")
    public Response clearFaults() {
        traffic.clearFaults();
        return Response.noContent().build();
    }

    @GET
    @Path("/stats")
    public Map<String, Object> stats() {
        return Map.of("fileUploads", blobs.uploads(), "fileBytesReceived", blobs.bytesReceived(), "blobs",
                blobs.count(), "deploymentsCreated", deployments.createdCount(), "oauthRefreshes",
                accounts.refreshRequests());
    }
}
