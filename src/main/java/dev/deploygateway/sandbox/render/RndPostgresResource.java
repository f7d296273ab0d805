package dev.deploygateway.sandbox.render;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

/**
 * Postgres: create, list by name, read (each read of a new database moves its provisioning one step, so a client
 * that polls sees {@code unknown → creating → available}), connection info, delete.
 */
@Path("/sandbox/render/v1/postgres")
@Produces(MediaType.APPLICATION_JSON)
public class RndPostgresResource {

    private static final Set<String> VERSIONS = Set.of("11", "12", "13", "14", "15", "16", "17", "18");
    private static final Set<String> PLANS = Set.of("free", "starter", "standard", "pro", "pro_plus", "basic_256mb",
            "basic_1gb", "basic_4gb");

    private final RndCaller callers;
    private final RndStore store;
    private final RndConfig config;
    private final RndStats stats;

    RndPostgresResource(RndCaller callers, RndStore store, RndConfig config, RndStats stats) {
        this.callers = callers;
        this.store = store;
        this.config = config;
        this.stats = stats;
    }

    @GET
    public List<Map<String, Object>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("name") String name, @QueryParam("ownerId") String ownerId) {
        var user = callers.user(auth);
        var owners = RndCaller.ownerIds(user).stream().filter(o -> ownerId == null || o.equals(ownerId)).toList();
        return store.databases(owners, Optional.ofNullable(name)).stream()
                .map(p -> RndJson.withCursor("postgres", RndJson.postgres(p), p.id)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, JsonNode body) {
        var user = callers.user(auth);
        if (body == null || !body.path("name").isTextual() || !body.path("ownerId").isTextual()
                || !PLANS.contains(body.path("plan").asText()) || !VERSIONS.contains(body.path("version").asText())) {
            throw RndError.badRequest("name, ownerId, a plan and a version (11-18) are required");
        }
        var owner = callers.owner(user, body.path("ownerId").asText());
        var postgres = new RndPostgres(owner, body.path("name").asText(), body.path("plan").asText(),
                body.path("version").asText(), body.path("region").asText("oregon"));
        store.add(postgres);
        stats.increment(RndStats.DATABASES);
        return Response.status(201).entity(RndJson.postgres(postgres)).build();
    }

    @GET
    @Path("/{id}")
    public Map<String, Object> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("id") String id) {
        var postgres = owned(auth, id);
        postgres.advance(config.databaseTicks());
        return RndJson.postgres(postgres);
    }

    @GET
    @Path("/{id}/connection-info")
    public Map<String, Object> connectionInfo(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("id") String id) {
        return RndJson.connectionInfo(owned(auth, id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("id") String id) {
        owned(auth, id);
        return Response.noContent().build();
    }

    private RndPostgres owned(String auth, String id) {
        var user = callers.user(auth);
        return store.database(id).filter(p -> RndCaller.ownerIds(user).contains(p.owner.id()))
                .orElseThrow(() -> RndError.notFound(id));
    }
}
