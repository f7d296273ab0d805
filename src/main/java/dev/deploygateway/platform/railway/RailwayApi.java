package dev.deploygateway.platform.railway;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.mutiny.Uni;

/**
 * Railway's HTTP API as the gateway uses it: GraphQL at {@code RAILWAY_API_URL} (given per call with {@link Url}, so
 * it may live apart from the backboard), and under the backboard root ({@code quarkus.rest-client.railway.url}) the
 * tarball upload and the OAuth token endpoints. Every method takes the caller's {@code Authorization} value, so the
 * one injected client never holds a token. Bodies are typed records (lenient on unknown fields, required fields
 * enforced); a non-2xx answer becomes {@link RailwayApiException}.
 */
@RegisterRestClient(configKey = "railway")
@Produces(MediaType.APPLICATION_JSON)
interface RailwayApi {

    String AUTH = HttpHeaders.AUTHORIZATION;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RailwayWire.GraphqlResponse> graphql(@Url String endpoint, @HeaderParam(AUTH) String auth,
            RailwayWire.GraphqlRequest request);

    /** {@code railway up}: stores the snapshot and queues its build. {@code serviceId} may be empty. */
    @POST
    @Path("/project/{projectId}/environment/{environmentId}/up")
    @Consumes("application/gzip")
    Uni<RailwayWire.UpResponse> up(@HeaderParam(AUTH) String auth, @HeaderParam("x-railway-caller") String caller,
            @PathParam("projectId") String projectId, @PathParam("environmentId") String environmentId,
            @QueryParam("serviceId") String serviceId, byte[] tarball);

    /** The OAuth token endpoint; {@code basicAuth} is null for a Native (public) client, which sends its id. */
    @POST
    @Path("/oauth/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<RailwayWire.TokenResponse> token(@HeaderParam(AUTH) String basicAuth, MultivaluedMap<String, String> form);

    /** RFC 7009 revocation at {@code RAILWAY_BACKBOARD_URL} + {@code gateway.railway.revoke-path}. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> revoke(@Url String endpoint, @HeaderParam(AUTH) String basicAuth,
            MultivaluedMap<String, String> form);

    /** Keeps Railway's message (GraphQL {@code errors}, {@code {message}} or OAuth's) and {@code Retry-After}. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return RailwayApiException.from(response.getStatus(), body, response.getHeaderString("Retry-After"));
    }
}
