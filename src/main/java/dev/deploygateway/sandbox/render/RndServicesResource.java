package dev.deploygateway.sandbox.render;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Services and their env vars. Creating one checks what Render checks before it accepts a service: the workspace is
 * the key's, the name is free in it, the source is a repository (no uploads), the details its type needs are there,
 * and Render can read the repository (a private one only with Render's GitHub access); then it stores the service
 * with its env vars and starts the first deploy.
 */
@Path("/sandbox/render/v1/services")
@Produces(MediaType.APPLICATION_JSON)
public class RndServicesResource {

    private final RndCaller callers;
    private final RndStore store;
    private final RndBuilds builds;
    private final RndRepositories repositories;
    private final RndConfig config;
    private final RndStats stats;

    RndServicesResource(RndCaller callers, RndStore store, RndBuilds builds, RndRepositories repositories,
            RndConfig config, RndStats stats) {
        this.stats = stats;
        this.callers = callers;
        this.store = store;
        this.builds = builds;
        this.repositories = repositories;
        this.config = config;
    }

    @GET
    public List<Map<String, Object>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("name") String name, @QueryParam("ownerId") String ownerId,
            @QueryParam("limit") Integer limit) {
        var user = callers.user(auth);
        List<String> owners = ownerId == null ? RndCaller.ownerIds(user)
                : RndCaller.ownerIds(user).stream().filter(ownerId::equals).toList();
        return store.services(owners, Optional.ofNullable(name)).stream()
                .limit(limit == null ? 20 : Math.max(1, Math.min(100, limit)))
                .map(s -> RndJson.withCursor("service", RndJson.service(s, config.siteUrlTemplate()), s.id)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, JsonNode body) {
        var user = callers.user(auth);
        if (body == null || !body.isObject()) {
            throw RndError.badRequest("invalid JSON body");
        }
        if (body.has("files")) {
            throw RndError.badRequest("Render does not accept uploaded files: give a repo (or an image)");
        }
        String type = body.path("type").asText("");
        String name = body.path("name").asText("");
        var owner = callers.owner(user, body.path("ownerId").asText(""));
        if (!Set.of("static_site", "web_service").contains(type) || name.isBlank()) {
            throw RndError.badRequest("type (static_site or web_service in the sandbox) and name are required");
        }
        if (!body.path("repo").isTextual()) {
            throw RndError.badRequest(body.has("image") ? "the sandbox builds from repositories only"
                    : "either repo or image is required");
        }
        String repo = body.path("repo").asText();
        if (RndRepositories.parse(repo).isEmpty()) {
            throw RndError.badRequest("repo must be a GitHub repository URL like https://github.com/owner/name, "
                    + "without the branch");
        }
        var service = new RndService(owner.id(), name, type, repo, body.path("branch").asText("main"),
                body.path("rootDir").textValue(), body.path("autoDeploy").textValue(), details(type,
                        body.path("serviceDetails")));
        // Answered as a Response, not thrown: an exception completing the stage would be rendered as the gateway's
        // problem+json instead of Render's {id, message}.
        return repositories.readable(repo).thenApply(readable -> {
            try {
                return created(service, body, readable);
            } catch (RndError refused) {
                return refused.getResponse();
            }
        });
    }

    private Response created(RndService service, JsonNode body, boolean readable) {
        if (!readable) {
            stats.increment(RndStats.REFUSED);
            throw RndError.badRequest("Render cannot access the repository " + service.repo + ": it does not exist, "
                    + "or it is private and Render has no access to it (connect GitHub in your Render account "
                    + "settings)");
        }
        for (JsonNode env : body.path("envVars")) {
            service.putEnv(env.path("key").asText(), env.path("generateValue").asBoolean(false)
                    ? RndIds.of("gen").substring(4) : env.path("value").asText(""));
        }
        if (!store.add(service)) {
            stats.increment(RndStats.REFUSED);
            throw RndError.of(409, "conflict", "A service named " + service.name + " already exists in this "
                    + "workspace");
        }
        stats.increment(RndStats.SERVICES);
        var deploy = builds.build(service, null, "api");
        return Response.status(201).entity(Map.of("service", RndJson.service(service, config.siteUrlTemplate()),
                "deployId", deploy.id)).build();
    }

    private static Map<String, String> details(String type, JsonNode details) {
        var out = new HashMap<String, String>();
        if ("static_site".equals(type)) {
            out.put("buildCommand", details.path("buildCommand").asText(""));
            out.put("publishPath", details.path("publishPath").asText("public"));
            return out;
        }
        String runtime = details.path("runtime").asText("");
        JsonNode specific = details.path("envSpecificDetails");
        if (runtime.isBlank() || !specific.path("buildCommand").isTextual()
                || !specific.path("startCommand").isTextual()) {
            throw RndError.badRequest("a web_service needs serviceDetails.runtime and envSpecificDetails.buildCommand "
                    + "and startCommand");
        }
        out.put("runtime", runtime);
        out.put("buildCommand", specific.path("buildCommand").asText());
        out.put("startCommand", specific.path("startCommand").asText());
        out.put("plan", details.path("plan").asText("starter"));
        out.put("region", details.path("region").asText("oregon"));
        return out;
    }

    @GET
    @Path("/{serviceId}")
    public Map<String, Object> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("serviceId") String id) {
        return RndJson.service(owned(auth, id), config.siteUrlTemplate());
    }

    @DELETE
    @Path("/{serviceId}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("serviceId") String id) {
        owned(auth, id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{serviceId}/env-vars")
    public List<Map<String, Object>> env(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("serviceId") String id) {
        return owned(auth, id).env().entrySet().stream().map(e -> RndJson.withCursor("envVar",
                Map.of("key", e.getKey(), "value", e.getValue()), e.getKey())).toList();
    }

    @PUT
    @Path("/{serviceId}/env-vars/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> putEnv(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("serviceId") String id, @PathParam("key") String key, JsonNode body) {
        var service = owned(auth, id);
        if (body == null || !body.path("value").isTextual()) {
            throw RndError.badRequest("value is required");
        }
        service.putEnv(key, body.path("value").asText());
        return Map.of("key", key, "value", body.path("value").asText());
    }

    private RndService owned(String auth, String id) {
        return callers.service(auth, id);
    }
}
