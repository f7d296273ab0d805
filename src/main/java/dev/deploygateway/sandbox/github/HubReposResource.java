package dev.deploygateway.sandbox.github;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The authenticated user and repositories: {@code GET /user}, {@code GET|POST /user/repos},
 * {@code GET|POST /orgs/{org}/repos}, {@code GET|DELETE /repos/{owner}/{repo}}.
 */
@Path("/sandbox/github")
@Produces(MediaType.APPLICATION_JSON)
public class HubReposResource {

    /** The create-repository body (the members the sandbox acts on; GitHub ignores unknown ones too). */
    public record CreateRepository(String name, String description, @JsonProperty("auto_init") Boolean autoInit,
            @JsonProperty("private") Boolean isPrivate) {
    }

    private final HubCaller callers;
    private final HubAccounts accounts;
    private final HubRepositories repositories;
    private final HubStats stats;

    HubReposResource(HubCaller callers, HubAccounts accounts, HubRepositories repositories, HubStats stats) {
        this.callers = callers;
        this.accounts = accounts;
        this.repositories = repositories;
        this.stats = stats;
    }

    @GET
    @Path("/user")
    public Map<String, Object> user(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @Context UriInfo uri) {
        var user = callers.resolve(auth).requireUser();
        var owned = repositories.ownedBy(user.login());
        int privateCount = (int) owned.stream().filter(r -> r.privateRepository).count();
        return HubJson.privateUser(HubLinks.api(uri), user, owned.size() - privateCount, privateCount);
    }

    @GET
    @Path("/user/repos")
    public List<Map<String, Object>> userRepos(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @Context UriInfo uri) {
        var caller = callers.resolve(auth);
        var user = caller.requireUser();
        return repositories.ownedBy(user.login()).stream()
                .map(r -> HubJson.repository(HubLinks.api(uri), r, true)).toList();
    }

    @POST
    @Path("/user/repos")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createForUser(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, CreateRepository body,
            @Context UriInfo uri) {
        var user = callers.resolve(auth).requireUser();
        return created(uri, user, user.owner(), body);
    }

    @GET
    @Path("/orgs/{org}/repos")
    public List<Map<String, Object>> orgRepos(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("org") String org, @Context UriInfo uri) {
        var caller = callers.resolve(auth);
        var owner = accounts.orgByLogin(org).orElseThrow(HubError::notFound);
        return repositories.ownedBy(owner.login()).stream().filter(r -> repositories.canRead(caller, r))
                .map(r -> HubJson.repository(HubLinks.api(uri), r, repositories.canWrite(caller, r))).toList();
    }

    @POST
    @Path("/orgs/{org}/repos")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createForOrg(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("org") String org,
            CreateRepository body, @Context UriInfo uri) {
        var user = callers.resolve(auth).requireUser();
        var owner = accounts.orgByLogin(org).orElseThrow(HubError::notFound);
        if (!accounts.member(user, owner)) {
            throw HubError.of(403, "You need admin access to the organization before adding a repository to it.");
        }
        return created(uri, user, owner, body);
    }

    @GET
    @Path("/repos/{owner}/{repo}")
    public Map<String, Object> repository(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("owner") String owner, @PathParam("repo") String repo, @Context UriInfo uri) {
        var caller = callers.resolve(auth);
        var found = repositories.readable(caller, owner, repo);
        return HubJson.repository(HubLinks.api(uri), found, repositories.canWrite(caller, found));
    }

    @DELETE
    @Path("/repos/{owner}/{repo}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("owner") String owner,
            @PathParam("repo") String repo) {
        repositories.delete(repositories.writable(callers.resolve(auth), owner, repo));
        return Response.noContent().build();
    }

    private Response created(UriInfo uri, HubAccounts.User creator, HubAccounts.Owner owner, CreateRepository body) {
        if (body == null) {
            throw HubError.of(400, "Problems parsing JSON");
        }
        var repo = repositories.create(owner, body.name(), Boolean.TRUE.equals(body.isPrivate()), body.description(),
                Boolean.TRUE.equals(body.autoInit()), creator);
        stats.increment(HubStats.REPOSITORIES);
        String api = HubLinks.api(uri);
        return Response.created(URI.create(api + "/repos/" + repo.fullName()))
                .entity(HubJson.repository(api, repo, true)).build();
    }
}
