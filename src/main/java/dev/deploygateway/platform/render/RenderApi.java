package dev.deploygateway.platform.render;

import java.util.List;

import jakarta.ws.rs.Consumes;
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

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * Render's REST API v1 as the gateway uses it ({@code quarkus.rest-client.render.url}:
 * {@code https://api.render.com/v1} or the sandbox). Every method takes the caller's
 * {@code Authorization: Bearer rnd_…}, so the one injected client never holds a key. A non-2xx answer becomes
 * {@link RenderApiException}.
 */
@RegisterRestClient(configKey = "render")
@Produces(MediaType.APPLICATION_JSON)
interface RenderApi {

    String AUTH = HttpHeaders.AUTHORIZATION;

    @GET
    @Path("/owners")
    Uni<List<RenderWire.OwnerWithCursor>> owners(@HeaderParam(AUTH) String auth, @QueryParam("limit") int limit);

    @GET
    @Path("/services")
    Uni<List<RenderWire.ServiceWithCursor>> services(@HeaderParam(AUTH) String auth, @QueryParam("name") String name,
            @QueryParam("ownerId") String ownerId, @QueryParam("limit") int limit);

    @GET
    @Path("/services/{serviceId}")
    Uni<RenderWire.Service> service(@HeaderParam(AUTH) String auth, @PathParam("serviceId") String serviceId);

    @POST
    @Path("/services")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RenderWire.ServiceAndDeploy> createService(@HeaderParam(AUTH) String auth, RenderWire.NewService body);

    @PUT
    @Path("/services/{serviceId}/env-vars/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RenderWire.EnvVar> putEnvVar(@HeaderParam(AUTH) String auth, @PathParam("serviceId") String serviceId,
            @PathParam("key") String key, RenderWire.EnvVarValue body);

    /** 201 with the deploy, or 202 without a body when Render only queued it. */
    @POST
    @Path("/services/{serviceId}/deploys")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<RenderWire.Deploy>> createDeploy(@HeaderParam(AUTH) String auth,
            @PathParam("serviceId") String serviceId, RenderWire.NewDeploy body);

    @GET
    @Path("/services/{serviceId}/deploys/{deployId}")
    Uni<RenderWire.Deploy> deploy(@HeaderParam(AUTH) String auth, @PathParam("serviceId") String serviceId,
            @PathParam("deployId") String deployId);

    @GET
    @Path("/services/{serviceId}/deploys")
    Uni<List<RenderWire.DeployWithCursor>> deploys(@HeaderParam(AUTH) String auth,
            @PathParam("serviceId") String serviceId, @QueryParam("limit") int limit);

    @POST
    @Path("/services/{serviceId}/deploys/{deployId}/cancel")
    Uni<RenderWire.Deploy> cancel(@HeaderParam(AUTH) String auth, @PathParam("serviceId") String serviceId,
            @PathParam("deployId") String deployId);

    @POST
    @Path("/services/{serviceId}/rollback")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RenderWire.Deploy> rollback(@HeaderParam(AUTH) String auth, @PathParam("serviceId") String serviceId,
            RenderWire.Rollback body);

    @GET
    @Path("/postgres")
    Uni<List<RenderWire.PostgresWithCursor>> postgresList(@HeaderParam(AUTH) String auth,
            @QueryParam("name") String name, @QueryParam("ownerId") String ownerId, @QueryParam("limit") int limit);

    @POST
    @Path("/postgres")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RenderWire.Postgres> createPostgres(@HeaderParam(AUTH) String auth, RenderWire.NewPostgres body);

    @GET
    @Path("/postgres/{postgresId}")
    Uni<RenderWire.Postgres> postgres(@HeaderParam(AUTH) String auth, @PathParam("postgresId") String postgresId);

    @GET
    @Path("/postgres/{postgresId}/connection-info")
    Uni<RenderWire.ConnectionInfo> connectionInfo(@HeaderParam(AUTH) String auth,
            @PathParam("postgresId") String postgresId);

    /** One page of logs, oldest first ({@code direction=forward}), between {@code startTime} and {@code endTime}. */
    @GET
    @Path("/logs")
    Uni<RenderWire.Logs> logs(@HeaderParam(AUTH) String auth, @QueryParam("ownerId") String ownerId,
            @QueryParam("resource") String resource, @QueryParam("type") String type,
            @QueryParam("startTime") String startTime, @QueryParam("endTime") String endTime,
            @QueryParam("direction") String direction, @QueryParam("limit") int limit);

    /** Keeps Render's {@code {id, message}} and its {@code Retry-After} / {@code Ratelimit-Reset}. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return RenderApiException.from(response.getStatus(), body, response::getHeaderString);
    }
}
