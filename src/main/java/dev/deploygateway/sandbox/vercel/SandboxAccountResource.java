package dev.deploygateway.sandbox.vercel;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The caller and their teams: {@code GET /v2/user}, the team list at {@code /v2/teams} (and {@code /v1/teams}, which
 * Vercel's CLI calls) and one team at {@code /v2/teams/{teamId}} (and the CLI's unversioned {@code /teams/{teamId}}).
 */
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
        return Map.of("user", SandboxJson.user(callers.resolve(auth, null).user()));
    }

    @GET
    @Path("/v2/teams")
    public Map<String, Object> teams(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        var user = callers.resolve(auth, null).user();
        List<Map<String, Object>> teams = accounts.teamsOf(user).stream().map(SandboxJson::team).toList();
        return Map.of("teams", teams, "pagination", SandboxJson.pagination(teams.size(), null));
    }

    @GET
    @Path("/v1/teams")
    public Map<String, Object> teamsV1(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        return teams(auth);
    }

    @GET
    @Path("/v2/teams/{teamId}")
    public Map<String, Object> team(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("teamId") String teamId) {
        var user = callers.resolve(auth, null).user();
        // A team the caller is not in is indistinguishable from one that does not exist.
        return accounts.teamsOf(user).stream().filter(t -> t.id().equals(teamId) || t.slug().equals(teamId))
                .findFirst().map(SandboxJson::team).orElseThrow(() -> SandboxError.notFound("Team"));
    }

    @GET
    @Path("/teams/{teamId}")
    public Map<String, Object> teamUnversioned(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("teamId") String teamId) {
        return team(auth, teamId);
    }
}
