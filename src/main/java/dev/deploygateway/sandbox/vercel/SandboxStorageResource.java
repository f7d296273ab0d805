package dev.deploygateway.sandbox.vercel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.Consumes;
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

/**
 * Marketplace databases (platform-contracts §1.7): every sandbox owner has one installed "Neon" Postgres
 * integration, except users whose name starts with {@code no-integrations}. Creating a store and connecting it
 * to a project adds {@code DATABASE_URL} (encrypted) to the project's env.
 */
@Path("/sandbox/vercel")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxStorageResource {

    private static final int MAX_STORES = 1000;

    private final SandboxCaller callers;
    private final SandboxProjects projects;
    private final Map<String, String> configurations = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> stores = new ConcurrentHashMap<>();

    SandboxStorageResource(SandboxCaller callers, SandboxProjects projects) {
        this.callers = callers;
        this.projects = projects;
    }

    @GET
    @Path("/v1/integrations/configurations")
    public List<Map<String, Object>> configurations(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("view") String view, @QueryParam("teamId") String teamId) {
        var caller = callers.resolve(auth, teamId);
        if (view == null) {
            throw SandboxError.badRequest("Invalid request: missing required query `view`.");
        }
        if (caller.user().username().startsWith("no-integrations")) {
            return List.of();
        }
        var json = new LinkedHashMap<String, Object>();
        json.put("id", configuration(caller.ownerId()));
        json.put("integrationId", "oac_sandboxneon");
        json.put("ownerId", caller.ownerId());
        json.put("slug", "neon");
        json.put("type", "integration-configuration");
        json.put("userId", caller.user().id());
        json.put("createdAt", 0);
        json.put("updatedAt", 0);
        json.put("scopes", List.of("read-write:integration-resource"));
        return List.of(json);
    }

    @GET
    @Path("/v1/integrations/configuration/{id}/products")
    public Map<String, Object> products(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("id") String id, @QueryParam("teamId") String teamId) {
        var caller = callers.resolve(auth, teamId);
        if (!id.equals(configurations.get(caller.ownerId()))) {
            throw SandboxError.notFound("Integration configuration");
        }
        var product = new LinkedHashMap<String, Object>();
        product.put("id", "iap_sandboxneonpostgres");
        product.put("slug", "neon");
        product.put("name", "Neon Serverless Postgres");
        product.put("protocols", Map.of("storage", Map.of("status", "enabled")));
        product.put("metadataSchema", Map.of("type", "object", "properties", Map.of()));
        return Map.of("products", List.of(product), "integration", Map.of("id", "oac_sandboxneon", "slug", "neon",
                "name", "Neon"), "configuration", Map.of("id", id));
    }

    @POST
    @Path("/v1/storage/stores/integration/direct")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> createStore(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("teamId") String teamId, JsonNode body) {
        var caller = callers.resolve(auth, teamId);
        if (body == null || !body.path("integrationConfigurationId").asText("").equals(
                configurations.get(caller.ownerId())) || !body.path("name").isTextual()) {
            throw SandboxError.badRequest("Invalid request: name and a known integrationConfigurationId are required.");
        }
        if (stores.size() >= MAX_STORES) {
            throw SandboxError.badRequest("Sandbox store limit reached");
        }
        String id = SandboxIds.id("store_");
        var store = new LinkedHashMap<String, Object>();
        store.put("id", id);
        store.put("name", body.get("name").asText());
        store.put("projectsMetadata", List.of());
        store.put("usageQuotaExceeded", false);
        store.put("status", "available");
        store.put("externalResourceId", SandboxIds.lower(16));
        store.put("product", product(caller.ownerId()));
        store.put("secrets", List.of(Map.of("name", "DATABASE_URL", "length", 96), Map.of("name", "PGHOST",
                "length", 40)));
        stores.put(caller.ownerId() + "/" + id, store);
        return Map.of("store", store);
    }

    @POST
    @Path("/v1/integrations/installations/{configurationId}/resources/{resourceId}/connections")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response connect(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("configurationId") String configurationId, @PathParam("resourceId") String resourceId,
            @QueryParam("teamId") String teamId, JsonNode body) {
        var caller = callers.resolve(auth, teamId);
        if (!stores.containsKey(caller.ownerId() + "/" + resourceId)
                || !configurationId.equals(configurations.get(caller.ownerId()))) {
            throw SandboxError.notFound("Resource");
        }
        var project = projects.get(caller.ownerId(), body == null ? "" : body.path("projectId").asText(""));
        String host = "ep-" + SandboxIds.lower(8) + ".sandbox.neon.tech";
        synchronized (project) {
            project.env.removeIf(e -> e.key().equals("DATABASE_URL") || e.key().equals("PGHOST"));
            var targets = List.of("production", "preview", "development");
            long now = System.currentTimeMillis();
            project.env.add(new SandboxProject.Env(SandboxIds.lower(16), "DATABASE_URL",
                    "postgres://sandbox:" + SandboxIds.lower(20) + "@" + host + "/neondb", "encrypted", targets, now));
            project.env.add(new SandboxProject.Env(SandboxIds.lower(16), "PGHOST", host, "encrypted", targets, now));
        }
        return Response.status(201).build();
    }

    /** The store's product, with what the SDK (1.28.35) requires beyond the document: the integration and protocols. */
    private Map<String, Object> product(String ownerId) {
        var product = new LinkedHashMap<String, Object>();
        product.put("id", "iap_sandboxneonpostgres");
        product.put("slug", "neon");
        product.put("name", "Neon Serverless Postgres");
        product.put("integrationConfigurationId", configuration(ownerId));
        product.put("integration", Map.of("id", "oac_sandboxneon", "slug", "neon", "name", "Neon", "icon",
                "https://sandbox.example/neon.svg"));
        product.put("supportedProtocols", List.of("storage"));
        return product;
    }

    private String configuration(String ownerId) {
        return configurations.computeIfAbsent(ownerId, o -> SandboxIds.id("icfg_"));
    }
}
