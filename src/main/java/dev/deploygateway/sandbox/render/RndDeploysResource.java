package dev.deploygateway.sandbox.render;

import java.util.List;
import java.util.Map;

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

/** A service's deploys: trigger (a commit, else the branch's head), read, list, cancel, roll back. */
@Path("/sandbox/render/v1/services/{serviceId}")
@Produces(MediaType.APPLICATION_JSON)
public class RndDeploysResource {

    private final RndCaller services;
    private final RndStore store;
    private final RndBuilds builds;

    RndDeploysResource(RndCaller services, RndStore store, RndBuilds builds) {
        this.services = services;
        this.store = store;
        this.builds = builds;
    }

    @POST
    @Path("/deploys")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response trigger(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("serviceId") String id,
            JsonNode body) {
        var service = services.service(auth, id);
        if (body != null && body.hasNonNull("imageUrl")) {
            throw RndError.badRequest("imageUrl is only for image-backed services");
        }
        String commit = body == null ? null : body.path("commitId").textValue();
        return Response.status(201).entity(RndJson.deploy(builds.build(service, commit, "api"))).build();
    }

    @GET
    @Path("/deploys")
    public List<Map<String, Object>> list(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("serviceId") String id, @QueryParam("limit") Integer limit) {
        services.service(auth, id);
        return store.deploysOf(id).stream().limit(limit == null ? 20 : Math.max(1, Math.min(100, limit)))
                .map(d -> RndJson.withCursor("deploy", RndJson.deploy(d), d.id)).toList();
    }

    @GET
    @Path("/deploys/{deployId}")
    public Map<String, Object> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("serviceId") String id, @PathParam("deployId") String deployId) {
        services.service(auth, id);
        return RndJson.deploy(store.deploy(id, deployId).orElseThrow(() -> RndError.notFound(deployId)));
    }

    @POST
    @Path("/deploys/{deployId}/cancel")
    public Map<String, Object> cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("serviceId") String id, @PathParam("deployId") String deployId) {
        var service = services.service(auth, id);
        var deploy = store.deploy(id, deployId).orElseThrow(() -> RndError.notFound(deployId));
        if (!builds.cancel(service, deploy)) {
            throw RndError.badRequest("deploy " + deployId + " is not in progress (" + deploy.status + ")");
        }
        return RndJson.deploy(deploy);
    }

    @POST
    @Path("/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rollback(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("serviceId") String id,
            JsonNode body) {
        var service = services.service(auth, id);
        String deployId = body == null ? null : body.path("deployId").textValue();
        var target = store.deploy(id, deployId).orElseThrow(() -> RndError.notFound(String.valueOf(deployId)));
        if (!List.of("live", "deactivated").contains(target.status)) {
            throw RndError.badRequest("only a deploy that went live can be rolled back to");
        }
        return Response.status(201).entity(RndJson.deploy(builds.rollback(service, target))).build();
    }
}
