package dev.deploygateway.sandbox.vercel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

/** Projects, their environment variables, promote and rollback. */
@Path("/sandbox/vercel")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SandboxProjectResource {

    private static final List<String> SETTINGS = List.of("framework", "buildCommand", "installCommand",
            "outputDirectory", "rootDirectory", "devCommand");

    private final SandboxCaller callers;
    private final SandboxProjects projects;
    private final SandboxDeployments deployments;

    SandboxProjectResource(SandboxCaller callers, SandboxProjects projects, SandboxDeployments deployments) {
        this.callers = callers;
        this.projects = projects;
        this.deployments = deployments;
    }

    @GET
    @Path("/v9/projects/{idOrName}")
    public Map<String, Object> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("idOrName") String idOrName, @QueryParam("teamId") String teamId) {
        var project = projects.get(callers.resolve(auth, teamId).ownerId(), idOrName);
        Map<String, Object> json = SandboxJson.project(project);
        String production;
        synchronized (project) {
            production = project.productionDeploymentId;
        }
        Optional.ofNullable(production).flatMap(id -> deployments.find(project.ownerId, id)).ifPresent(d -> json
                .put("targets", Map.of("production", SandboxJson.productionTarget(project, d))));
        return json;
    }

    @POST
    @Path("/v11/projects")
    public Map<String, Object> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("teamId") String teamId, JsonNode body) {
        var caller = callers.resolve(auth, teamId);
        if (body == null || !body.path("name").isTextual()) {
            throw SandboxError.badRequest("Invalid request: missing required property `name`.");
        }
        var settings = settings(body);
        return SandboxJson.project(projects.create(caller.ownerId(), body.get("name").asText(),
                settings.isEmpty() ? null : settings));
    }

    @POST
    @Path("/v1/projects")
    public Map<String, Object> createV1(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("teamId") String teamId, JsonNode body) {
        return create(auth, teamId, body);
    }

    @DELETE
    @Path("/v9/projects/{idOrName}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("idOrName") String idOrName, @QueryParam("teamId") String teamId) {
        projects.delete(projects.get(callers.resolve(auth, teamId).ownerId(), idOrName));
        return Response.noContent().build();
    }

    @POST
    @Path("/v10/projects/{idOrName}/env")
    public Response upsertEnv(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("idOrName") String idOrName, @QueryParam("teamId") String teamId,
            @QueryParam("upsert") String upsert, JsonNode body) {
        var project = projects.get(callers.resolve(auth, teamId).ownerId(), idOrName);
        List<JsonNode> items = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(items::add);
        } else if (body != null && body.isObject()) {
            items.add(body);
        } else {
            throw SandboxError.badRequest("Invalid request: body must be an object or an array.");
        }
        var created = new ArrayList<Map<String, Object>>();
        var failed = new ArrayList<Map<String, Object>>();
        synchronized (project) {
            for (JsonNode item : items) {
                String key = item.path("key").asText("");
                if (key.isEmpty() || !item.path("value").isTextual() || !item.path("type").isTextual()) {
                    failed.add(Map.of("error", Map.of("code", "bad_request", "message",
                            "Invalid env: key, value and type are required", "key", key)));
                    continue;
                }
                if (project.env(key).isPresent() && !"true".equals(upsert)) {
                    failed.add(Map.of("error", Map.of("code", "ENV_CONFLICT", "message",
                            "A variable with the name `" + key + "` already exists", "key", key, "envVarKey", key)));
                    continue;
                }
                project.env.removeIf(e -> e.key().equals(key));
                List<String> target = new ArrayList<>();
                item.path("target").forEach(t -> target.add(t.asText()));
                var env = new SandboxProject.Env(SandboxIds.lower(16), key, item.get("value").asText(),
                        item.get("type").asText(), target, System.currentTimeMillis());
                project.env.add(env);
                created.add(SandboxJson.env(env));
            }
            project.updatedAt = System.currentTimeMillis();
        }
        Object createdJson = body.isArray() ? created : (created.isEmpty() ? List.of() : created.get(0));
        var json = new LinkedHashMap<String, Object>();
        json.put("created", createdJson);
        json.put("failed", failed);
        return Response.status(201).entity(json).build();
    }

    @GET
    @Path("/v10/projects/{idOrName}/env")
    public Map<String, Object> listEnv(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("idOrName") String idOrName, @QueryParam("teamId") String teamId) {
        var project = projects.get(callers.resolve(auth, teamId).ownerId(), idOrName);
        synchronized (project) {
            return Map.of("envs", project.env.stream().map(SandboxJson::env).toList());
        }
    }

    @DELETE
    @Path("/v9/projects/{idOrName}/env/{id}")
    public Map<String, Object> deleteEnv(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("idOrName") String idOrName, @PathParam("id") String id, @QueryParam("teamId") String teamId) {
        var project = projects.get(callers.resolve(auth, teamId).ownerId(), idOrName);
        synchronized (project) {
            var env = project.env.stream().filter(e -> e.id().equals(id)).findFirst()
                    .orElseThrow(() -> SandboxError.notFound("Environment variable"));
            project.env.remove(env);
            return SandboxJson.env(env);
        }
    }

    @POST
    @Path("/v10/projects/{projectId}/promote/{deploymentId}")
    public Response promote(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("projectId") String projectId, @PathParam("deploymentId") String deploymentId,
            @QueryParam("teamId") String teamId) {
        pointProduction(auth, teamId, projectId, deploymentId, false);
        return Response.status(201).build();
    }

    @POST
    @Path("/v1/projects/{projectId}/rollback/{deploymentId}")
    public Response rollback(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("projectId") String projectId, @PathParam("deploymentId") String deploymentId,
            @QueryParam("teamId") String teamId) {
        pointProduction(auth, teamId, projectId, deploymentId, true);
        return Response.status(201).build();
    }

    private void pointProduction(String auth, String teamId, String projectId, String deploymentId,
            boolean mustBeProduction) {
        var caller = callers.resolve(auth, teamId);
        var project = projects.get(caller.ownerId(), projectId);
        var deployment = deployments.get(caller.ownerId(), deploymentId);
        synchronized (deployment) {
            if (!deployment.projectId.equals(project.id) || !"READY".equals(deployment.readyState)
                    || (mustBeProduction && !"production".equals(deployment.target))) {
                throw SandboxError.badRequest("Deployment " + deploymentId + " is not a READY "
                        + (mustBeProduction ? "production " : "") + "deployment of this project");
            }
        }
        deployments.promote(project, deployment);
    }

    /**
     * The build settings {@code body} names. A key given as {@code null} counts: {@code "framework": null} is how
     * Vercel's clients say "Other" (a plain static site), not a missing setting.
     */
    static Map<String, Object> settings(JsonNode body) {
        var settings = new LinkedHashMap<String, Object>();
        for (String key : SETTINGS) {
            if (body.has(key)) {
                settings.put(key, body.get(key).isNull() ? null : body.get(key).asText());
            }
        }
        return settings;
    }
}
