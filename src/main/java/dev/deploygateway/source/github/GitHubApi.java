package dev.deploygateway.source.github;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.rest.client.reactive.Url;
import io.smallrye.mutiny.Uni;

/**
 * GitHub's REST API as the source host uses it ({@code quarkus.rest-client.github.url}: api.github.com or the
 * sandbox), plus the OAuth token endpoint on the web host (given per call with {@link Url}). Every method takes the
 * caller's {@code Authorization} value, so the one injected client never holds a token; answers come with their
 * headers ({@link RestResponse}) because the push paces itself by {@code x-ratelimit-*}. A ref in a path is sent
 * URL-encoded ({@code heads%2Fmain}), as Octokit does. A non-2xx answer becomes {@link GitHubApiException}.
 */
@RegisterRestClient(configKey = "github")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Accept", value = "application/vnd.github+json")
@ClientHeaderParam(name = "X-GitHub-Api-Version", value = "2022-11-28")
@ClientHeaderParam(name = "User-Agent", value = "deploy-gateway")
interface GitHubApi {

    String AUTH = HttpHeaders.AUTHORIZATION;

    @GET
    @Path("/user")
    Uni<RestResponse<GitHubWire.User>> user(@HeaderParam(AUTH) String auth);

    @GET
    @Path("/repos/{owner}/{repo}")
    Uni<RestResponse<GitHubWire.Repository>> repository(@HeaderParam(AUTH) String auth,
            @PathParam("owner") String owner, @PathParam("repo") String repo);

    @POST
    @Path("/user/repos")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<GitHubWire.Repository>> createForUser(@HeaderParam(AUTH) String auth,
            GitHubWire.NewRepository body);

    @POST
    @Path("/orgs/{org}/repos")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<GitHubWire.Repository>> createInOrg(@HeaderParam(AUTH) String auth, @PathParam("org") String org,
            GitHubWire.NewRepository body);

    @GET
    @Path("/repos/{owner}/{repo}/git/ref/{ref}")
    Uni<RestResponse<GitHubWire.Ref>> ref(@HeaderParam(AUTH) String auth, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("ref") String ref);

    @GET
    @Path("/repos/{owner}/{repo}/git/commits/{sha}")
    Uni<RestResponse<GitHubWire.Commit>> commit(@HeaderParam(AUTH) String auth, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("sha") String sha);

    @GET
    @Path("/repos/{owner}/{repo}/git/trees/{sha}")
    Uni<RestResponse<GitHubWire.Tree>> tree(@HeaderParam(AUTH) String auth, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("sha") String sha, @QueryParam("recursive") String recursive);

    @POST
    @Path("/repos/{owner}/{repo}/git/blobs")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<GitHubWire.CreatedBlob>> createBlob(@HeaderParam(AUTH) String auth,
            @PathParam("owner") String owner, @PathParam("repo") String repo, GitHubWire.NewBlob body);

    @POST
    @Path("/repos/{owner}/{repo}/git/trees")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<GitHubWire.Tree>> createTree(@HeaderParam(AUTH) String auth, @PathParam("owner") String owner,
            @PathParam("repo") String repo, GitHubWire.NewTree body);

    @POST
    @Path("/repos/{owner}/{repo}/git/commits")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<GitHubWire.Commit>> createCommit(@HeaderParam(AUTH) String auth,
            @PathParam("owner") String owner, @PathParam("repo") String repo, GitHubWire.NewCommit body);

    @POST
    @Path("/repos/{owner}/{repo}/git/refs")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<GitHubWire.Ref>> createRef(@HeaderParam(AUTH) String auth, @PathParam("owner") String owner,
            @PathParam("repo") String repo, GitHubWire.NewRef body);

    @PATCH
    @Path("/repos/{owner}/{repo}/git/refs/{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<RestResponse<GitHubWire.Ref>> updateRef(@HeaderParam(AUTH) String auth, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("ref") String ref, GitHubWire.RefUpdate body);

    /** The OAuth token endpoint on the web host; {@code Accept: application/json} or GitHub answers a form. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @ClientHeaderParam(name = "Accept", value = "application/json")
    Uni<GitHubWire.TokenResponse> token(@Url String endpoint, MultivaluedMap<String, String> form);

    /** An app revokes a user's whole grant with one of its access tokens (HTTP Basic: client id and secret). */
    @DELETE
    @Path("/applications/{clientId}/grant")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> revokeGrant(@HeaderParam(AUTH) String basicAuth, @PathParam("clientId") String clientId,
            GitHubWire.GrantRevocation body);

    /** Keeps GitHub's message and its rate-limit headers (a rate limit may come as 403 or 429). */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        return GitHubApiException.from(response.getStatus(), body, response::getHeaderString);
    }
}
