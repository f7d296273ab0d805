package dev.deploygateway.sandbox.vercel;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * The lists Vercel's CLI and SDK read: deployments ({@code GET /v6/deployments}, {@code /v7/deployments}: newest
 * first, filtered by {@code projectId}, {@code target}, {@code state}, paged by {@code limit} and {@code until}),
 * projects ({@code GET /v10/projects}, {@code /v9/projects}: {@code search} by name, {@code limit}) and a
 * deployment's builds ({@code GET /v11/deployments/{id}/builds}).
 */
@Path("/sandbox/vercel")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxListResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final SandboxCaller callers;
    private final SandboxProjects projects;
    private final SandboxDeployments deployments;

    SandboxListResource(SandboxCaller callers, SandboxProjects projects, SandboxDeployments deployments) {
        this.callers = callers;
        this.projects = projects;
        this.deployments = deployments;
    }

    @GET
    @Path("/v6/deployments")
    public Map<String, Object> deployments(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("teamId") String teamId, @QueryParam("projectId") String projectId,
            @QueryParam("target") String target, @QueryParam("state") String state,
            @QueryParam("limit") Integer limit, @QueryParam("until") Long until) {
        var caller = callers.resolve(auth, teamId);
        Predicate<SandboxDeployment> wanted = d -> (projectId == null || projectId.equals(d.projectId))
                && (target == null || target.equals(d.target))
                && (state == null || List.of(state.split(",")).contains(d.readyState))
                && (until == null || d.createdAt < until);
        int size = limit(limit);
        List<SandboxDeployment> matching = deployments.list(caller.ownerId()).stream().filter(wanted).toList();
        List<SandboxDeployment> page = matching.stream().limit(size).toList();
        Long next = matching.size() > size ? page.get(page.size() - 1).createdAt : null;
        return Map.of("deployments", page.stream().map(SandboxJson::deploymentListItem).toList(), "pagination",
                SandboxJson.pagination(page.size(), next));
    }

    @GET
    @Path("/v7/deployments")
    public Map<String, Object> deploymentsV7(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("teamId") String teamId, @QueryParam("projectId") String projectId,
            @QueryParam("target") String target, @QueryParam("state") String state,
            @QueryParam("limit") Integer limit, @QueryParam("until") Long until) {
        return deployments(auth, teamId, projectId, target, state, limit, until);
    }

    @GET
    @Path("/v10/projects")
    public Map<String, Object> projects(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("teamId") String teamId, @QueryParam("search") String search,
            @QueryParam("limit") Integer limit) {
        var caller = callers.resolve(auth, teamId);
        var page = projects.list(caller.ownerId()).stream()
                .filter(p -> search == null || p.name.contains(search)).limit(limit(limit))
                .map(SandboxJson::project).toList();
        return Map.of("projects", page, "pagination", SandboxJson.pagination(page.size(), null));
    }

    @GET
    @Path("/v9/projects")
    public Map<String, Object> projectsV9(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("teamId") String teamId, @QueryParam("search") String search,
            @QueryParam("limit") Integer limit) {
        return projects(auth, teamId, search, limit);
    }

    @GET
    @Path("/v11/deployments/{id}/builds")
    public Map<String, Object> builds(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("id") String id, @QueryParam("teamId") String teamId) {
        var deployment = deployments.get(callers.resolve(auth, teamId).ownerId(), id);
        return Map.of("builds", List.of(SandboxJson.build(deployment)));
    }

    private static int limit(Integer requested) {
        return Optional.ofNullable(requested).filter(n -> n > 0).map(n -> Math.min(n, MAX_LIMIT))
                .orElse(DEFAULT_LIMIT);
    }
}
