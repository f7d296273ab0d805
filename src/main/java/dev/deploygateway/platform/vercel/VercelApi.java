package dev.deploygateway.platform.vercel;

import java.util.List;

import jakarta.ws.rs.BeanParam;
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
 * one injected client never holds a token; team-scoped calls take it with the team as one {@link VercelCaller}.
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
    Uni<VercelWire.Project> project(@BeanParam VercelCaller caller, @PathParam("idOrName") String idOrName);

    @POST
    @Path("/v11/projects")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<VercelWire.Project> createProject(@BeanParam VercelCaller caller,
            VercelWire.ProjectCreate body);

    @POST
    @Path("/v10/projects/{idOrName}/env")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<VercelWire.EnvUpsertResponse> upsertEnv(@BeanParam VercelCaller caller, @PathParam("idOrName") String idOrName,
            @QueryParam("upsert") String upsert, List<VercelWire.EnvVar> body);

    @POST
    @Path("/v2/files")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    Uni<Response> uploadFile(@BeanParam VercelCaller caller, @HeaderParam("x-vercel-digest") String sha1,
            byte[] content);

    @POST
    @Path("/v13/deployments")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<VercelWire.Deployment> createDeployment(@BeanParam VercelCaller caller,
            @QueryParam("skipAutoDetectionConfirmation") String skipAutoDetection, VercelWire.DeploymentCreate body);

    @GET
    @Path("/v13/deployments/{idOrUrl}")
    Uni<VercelWire.Deployment> deployment(@BeanParam VercelCaller caller, @PathParam("idOrUrl") String idOrUrl);

    /** The live feed: {@code application/stream+json}, one JSON object per line (keep-alives are {@code {}}). */
    @GET
    @Path("/v3/deployments/{idOrUrl}/events")
    @Produces("application/stream+json")
    Multi<String> followEvents(@BeanParam VercelCaller caller, @PathParam("idOrUrl") String idOrUrl,
            @QueryParam("follow") int follow, @QueryParam("since") Long since);

    @PATCH
    @Path("/v12/deployments/{id}/cancel")
    Uni<VercelWire.Deployment> cancel(@BeanParam VercelCaller caller, @PathParam("id") String id);

    @POST
    @Path("/v1/projects/{projectId}/rollback/{deploymentId}")
    Uni<Response> rollback(@BeanParam VercelCaller caller, @PathParam("projectId") String projectId,
            @PathParam("deploymentId") String deploymentId);

    @POST
    @Path("/v10/projects/{projectId}/promote/{deploymentId}")
    Uni<Response> promote(@BeanParam VercelCaller caller, @PathParam("projectId") String projectId,
            @PathParam("deploymentId") String deploymentId);

    @GET
    @Path("/v1/integrations/configurations")
    Uni<List<VercelWire.Configuration>> configurations(@BeanParam VercelCaller caller, @QueryParam("view") String view,
            @QueryParam("installationType") String installationType);

    @GET
    @Path("/v1/integrations/configuration/{id}/products")
    Uni<VercelWire.ProductsResponse> products(@BeanParam VercelCaller caller, @PathParam("id") String configurationId);

    @POST
    @Path("/v1/storage/stores/integration/direct")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<VercelWire.StoreResponse> createStore(@BeanParam VercelCaller caller,
            VercelWire.StoreCreate body);

    @POST
    @Path("/v1/integrations/installations/{configurationId}/resources/{resourceId}/connections")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> connectStore(@BeanParam VercelCaller caller, @PathParam("configurationId") String configurationId,
            @PathParam("resourceId") String resourceId,
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
