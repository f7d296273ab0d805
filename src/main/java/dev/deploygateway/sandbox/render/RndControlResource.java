package dev.deploygateway.sandbox.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Sandbox-only controls (no Render counterpart): mint an API key for a user (optionally in a team), the switch
 * "Render has no access to private repositories", forced 429s, counters, and what a deploy's build saw.
 */
@Path("/sandbox/render/_sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RndControlResource {

    public record MintKey(String username, String team) {
    }

    public record RevokeKey(String key) {
    }

    /** {@code enabled: false}: Render reads GitHub without its app installation, so private repositories vanish. */
    public record RepositoryAccess(Boolean enabled) {
    }

    /** The next {@code count} API requests whose path contains {@code pathContains} are answered 429. */
    public record RateLimit(Integer count, Integer retryAfterSeconds, String pathContains) {
    }

    private final RndAccounts accounts;
    private final RndRepositories repositories;
    private final RndTraffic traffic;
    private final RndStore store;
    private final RndBuilds builds;
    private final RndStats stats;

    RndControlResource(RndAccounts accounts, RndRepositories repositories, RndTraffic traffic, RndStore store,
            RndBuilds builds, RndStats stats) {
        this.accounts = accounts;
        this.repositories = repositories;
        this.traffic = traffic;
        this.store = store;
        this.builds = builds;
        this.stats = stats;
    }

    @POST
    @Path("/keys")
    public Response mint(MintKey request) {
        String pattern = "[A-Za-z0-9_-]{1,48}";
        if (request == null || request.username() == null || !request.username().matches(pattern)
                || (request.team() != null && !request.team().matches(pattern))) {
            throw RndError.badRequest("username (and team) must be 1-48 letters, digits, '-' or '_'");
        }
        var user = accounts.user(request.username(), Optional.ofNullable(request.team()));
        var json = new LinkedHashMap<String, Object>();
        json.put("key", accounts.mint(user));
        json.put("ownerId", user.personal().id());
        synchronized (user) {
            json.put("teamIds", user.teams().stream().map(RndAccounts.Owner::id).toList());
        }
        return Response.status(201).entity(json).build();
    }

    @POST
    @Path("/keys/revoke")
    public Response revoke(RevokeKey request) {
        if (request != null && request.key() != null) {
            accounts.revoke(request.key());
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/repository-access")
    public Response access(RepositoryAccess request) {
        repositories.access(request == null || !Boolean.FALSE.equals(request.enabled()));
        return Response.noContent().build();
    }

    @POST
    @Path("/rate-limit")
    public Response rateLimit(RateLimit request) {
        int count = request == null || request.count() == null ? 1 : request.count();
        int retryAfter = request == null || request.retryAfterSeconds() == null ? 1 : request.retryAfterSeconds();
        if (count < 1 || retryAfter < 0) {
            throw RndError.badRequest("count must be positive and retryAfterSeconds not negative");
        }
        traffic.force(retryAfter, request == null ? null : request.pathContains(), count);
        return Response.status(201).build();
    }

    @DELETE
    @Path("/rate-limit")
    public Response clearRateLimit() {
        traffic.clear();
        return Response.noContent().build();
    }

    @GET
    @Path("/stats")
    public Map<String, Long> stats() {
        var out = new LinkedHashMap<>(stats.snapshot());
        out.put("deploysStarted", builds.startedCount());
        return out;
    }

    /** The env var names a deploy's build saw when it started, and its status. */
    @GET
    @Path("/services/{serviceId}/deploys")
    public List<Map<String, Object>> deploys(@PathParam("serviceId") String serviceId) {
        return store.deploysOf(serviceId).stream().map(d -> Map.<String, Object>of("id", d.id, "status", d.status,
                "buildEnv", d.buildEnv, "trigger", d.trigger)).toList();
    }
}
