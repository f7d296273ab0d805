package dev.deploygateway.sandbox.github;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Sandbox-only controls (no GitHub counterpart): mint a fine-grained personal access token for a login (optionally
 * a member of organisations), expire a token, force rate-limit rejections, and counters tests assert on.
 */
@Path("/sandbox/github/_sandbox")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HubControlResource {

    /** A user to mint a token for, and the organisations they belong to. */
    public record MintToken(String login, List<String> orgs) {
    }

    public record ExpireToken(String token) {
    }

    /**
     * The next {@code count} API requests whose path contains {@code pathContains} hit the {@code kind} limit
     * ({@code primary} or {@code secondary}), answered {@code status} (403 or 429).
     */
    public record RateLimit(String kind, Integer status, Integer count, Integer retryAfterSeconds,
            String pathContains) {
    }

    private final HubAccounts accounts;
    private final HubTraffic traffic;
    private final HubStats stats;

    HubControlResource(HubAccounts accounts, HubTraffic traffic, HubStats stats) {
        this.accounts = accounts;
        this.traffic = traffic;
        this.stats = stats;
    }

    @POST
    @Path("/tokens")
    public Response mint(MintToken request) {
        String pattern = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?";
        List<String> orgs = request == null || request.orgs() == null ? List.of() : request.orgs();
        if (request == null || request.login() == null || !request.login().matches(pattern)
                || !orgs.stream().allMatch(o -> o != null && o.matches(pattern))) {
            throw HubError.unprocessable("login (and orgs) must be GitHub logins: letters, digits and single '-'");
        }
        var user = accounts.user(request.login(), Set.copyOf(orgs));
        return Response.status(201).entity(Map.of("token", accounts.mintPersonalToken(user), "login", user.login(),
                "id", user.owner().id())).build();
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
    @Path("/rate-limit")
    public Response rateLimit(RateLimit request) {
        if (request == null || request.kind() == null || !Set.of("primary", "secondary").contains(request.kind())) {
            throw HubError.unprocessable("kind must be primary or secondary");
        }
        int status = request.status() == null ? 403 : request.status();
        if (status != 403 && status != 429) {
            throw HubError.unprocessable("status must be 403 or 429");
        }
        traffic.force(HubTraffic.Kind.valueOf(request.kind().toUpperCase(Locale.ROOT)), status,
                request.retryAfterSeconds() == null ? 1 : request.retryAfterSeconds(), request.pathContains(),
                request.count() == null ? 1 : request.count());
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
        var out = new TreeMap<>(stats.snapshot());
        out.put("refreshRequests", accounts.refreshRequests());
        out.put("revokedGrants", accounts.revokedGrants());
        return out;
    }
}
