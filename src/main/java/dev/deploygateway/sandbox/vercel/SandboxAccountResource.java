package dev.deploygateway.sandbox.vercel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /v2/user} and {@code GET /v2/teams}. */
@Path("/sandbox/vercel")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxAccountResource {

    private final SandboxCaller callers;
    private final SandboxAccounts accounts;

    SandboxAccountResource(SandboxCaller callers, SandboxAccounts accounts) {
        this.callers = callers;
        this.accounts = accounts;
    }

    @GET
    @Path("/v2/user")
    public Map<String, Object> user(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        var user = callers.resolve(auth, null).user();
        var json = new LinkedHashMap<String, Object>();
        // The "limited" variant of the document's AuthUser oneOf: the full variant needs billing details.
        json.put("limited", false);
        json.put("id", user.id());
        json.put("email", user.email());
        json.put("name", user.username());
        json.put("username", user.username());
        json.put("avatar", null);
        json.put("defaultTeamId", user.teamId());
        return Map.of("user", json);
    }

    @GET
    @Path("/v2/teams")
    public Map<String, Object> teams(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        var user = callers.resolve(auth, null).user();
        List<Map<String, Object>> teams = accounts.teamsOf(user).stream().map(t -> {
            var json = new LinkedHashMap<String, Object>();
            json.put("limited", false);
            json.put("limitedBy", List.of());
            json.put("id", t.id());
            json.put("slug", t.slug());
            json.put("name", t.name());
            json.put("avatar", null);
            json.put("membership", Map.of("role", "OWNER", "confirmed", true, "createdAt", 0, "created", 0,
                    "teamId", t.id()));
            json.put("createdAt", 0);
            return (Map<String, Object>) json;
        }).toList();
        var pagination = new LinkedHashMap<String, Object>();
        pagination.put("count", teams.size());
        pagination.put("next", null);
        pagination.put("prev", null);
        return Map.of("teams", teams, "pagination", pagination);
    }
}
