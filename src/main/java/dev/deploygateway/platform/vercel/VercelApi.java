package dev.deploygateway.platform.vercel;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Vercel's REST API as used by the gateway. Every method takes the caller's {@code Authorization} value, so the
 * one injected client never holds a token. {@code teamId} is omitted from the URL when null.
 */
@RegisterRestClient(configKey = "vercel")
@Produces(MediaType.APPLICATION_JSON)
interface VercelApi {

    String AUTH = HttpHeaders.AUTHORIZATION;

    @GET
    @Path("/v2/user")
    Uni<VercelWire.UserResponse> user(@HeaderParam(AUTH) String auth);

    @GET
    @Path("/v2/teams")
    Uni<VercelWire.TeamsResponse> teams(@HeaderParam(AUTH) String auth);

    @GET
    @Path("/v9/projects/{idOrName}")
    Uni<VercelWire.Project> project(@HeaderParam(AUTH) String auth, @PathParam("idOrName") String idOrName,
            @QueryParam("teamId") String teamId);

    @POST
    @Path("/v11/projects")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<VercelWire.Project> createProject(@HeaderParam(AUTH) String auth, @QueryParam("teamId") String teamId,
            VercelWire.ProjectCreate body);

    @POST
    @Path("/v10/projects/{idOrName}/env")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<VercelWire.EnvUpsertResponse> upsertEnv(@HeaderParam(AUTH) String auth, @PathParam("idOrName") String idOrName,
            @QueryParam("upsert") String upsert, @QueryParam("teamId") String teamId, List<VercelWire.EnvVar> body);

    @POST
    @Path("/v2/files")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    Uni<Response> uploadFile(@HeaderParam(AUTH) String auth, @HeaderParam("x-vercel-digest") String sha1,
            @QueryParam("teamId") String teamId, byte[] content);

    @POST
    @Path("/v13/deployments")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<VercelWire.Deployment> createDeployment(@HeaderParam(AUTH) String auth, @QueryParam("teamId") String teamId,
            @QueryParam("skipAutoDetectionConfirmation") String skipAutoDetection, VercelWire.DeploymentCreate body);

    @GET
    @Path("/v13/deployments/{idOrUrl}")
    Uni<VercelWire.Deployment> deployment(@HeaderParam(AUTH) String auth, @PathParam("idOrUrl") String idOrUrl,
            @QueryParam("teamId") String teamId);

    /** The live feed: {@code application/stream+json}, one JSON object per line (keep-alives are {@code {}}). */
    @GET
    @Path("/v3/deployments/{idOrUrl}/events")
    @Produces("application/stream+json")
    Multi<String> followEvents(@HeaderParam(AUTH) String auth, @PathParam("idOrUrl") String idOrUrl,
            @QueryParam("teamId") String teamId, @QueryParam("follow") int follow, @QueryParam("since") Long since);

    @PATCH
    @Path("/v12/deployments/{id}/cancel")
    Uni<VercelWire.Deployment> cancel(@HeaderParam(AUTH) String auth, @PathParam("id") String id,
            @QueryParam("teamId") String teamId);

    @POST
    @Path("/v1/projects/{projectId}/rollback/{deploymentId}")
    Uni<Response> rollback(@HeaderParam(AUTH) String auth, @PathParam("projectId") String projectId,
            @PathParam("deploymentId") String deploymentId, @QueryParam("teamId") String teamId);

    @POST
    @Path("/v10/projects/{projectId}/promote/{deploymentId}")
    Uni<Response> promote(@HeaderParam(AUTH) String auth, @PathParam("projectId") String projectId,
            @PathParam("deploymentId") String deploymentId, @QueryParam("teamId") String teamId);

    @GET
    @Path("/v1/integrations/configurations")
    Uni<List<VercelWire.Configuration>> configurations(@HeaderParam(AUTH) String auth, @QueryParam("view") String view,
            @QueryParam("installationType") String installationType, @QueryParam("teamId") String teamId);

    @GET
    @Path("/v1/integrations/configuration/{id}/products")
    Uni<VercelWire.ProductsResponse> products(@HeaderParam(AUTH) String auth, @PathParam("id") String configurationId,
            @QueryParam("teamId") String teamId);

    @POST
    @Path("/v1/storage/stores/integration/direct")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<VercelWire.StoreResponse> createStore(@HeaderParam(AUTH) String auth, @QueryParam("teamId") String teamId,
            VercelWire.StoreCreate body);

    @POST
    @Path("/v1/integrations/installations/{configurationId}/resources/{resourceId}/connections")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> connectStore(@HeaderParam(AUTH) String auth, @PathParam("configurationId") String configurationId,
            @PathParam("resourceId") String resourceId, @QueryParam("teamId") String teamId,
            VercelWire.StoreConnect body);

    // The token endpoint (/login/oauth/token) is called through the named quarkus-oidc-client "vercel".

    @POST
    @Path("/login/oauth/token/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> revoke(@HeaderParam(AUTH) String basicAuth, @FormParam("token") String token);

    /** Keeps Vercel's error body (code, message, missing files, Retry-After) instead of a generic exception. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return VercelApiException.from(response.getStatus(), body, response.getHeaderString("Retry-After"));
    }
}
