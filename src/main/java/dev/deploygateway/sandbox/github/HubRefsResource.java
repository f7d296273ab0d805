package dev.deploygateway.sandbox.github;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Git references. A ref in a path may be written {@code heads/main} or, as Octokit sends it, URL-encoded
 * {@code heads%2Fmain}: both name {@code refs/heads/main}. Updates without {@code force} must be fast-forwards,
 * checked atomically against the ref's current commit, so two pushes never silently overwrite each other.
 */
@Path("/sandbox/github/repos/{owner}/{repo}/git")
@Produces(MediaType.APPLICATION_JSON)
public class HubRefsResource {

    private final HubCaller callers;
    private final HubRepositories repositories;
    private final HubStats stats;

    HubRefsResource(HubCaller callers, HubRepositories repositories, HubStats stats) {
        this.callers = callers;
        this.repositories = repositories;
        this.stats = stats;
    }

    @GET
    @Path("/ref/{ref: .+}")
    public Map<String, Object> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("owner") String owner, @PathParam("repo") String repo, @Encoded @PathParam("ref") String ref,
            @Context UriInfo uri) {
        HubRepository repository = HubGitResource.checked(repositories.readable(callers.resolve(auth), owner, repo));
        String full = full(ref);
        String sha = repository.ref(full).orElseThrow(HubError::notFound);
        return HubJson.ref(HubLinks.api(uri), repository, full, sha);
    }

    @GET
    @Path("/matching-refs/{ref: .*}")
    public List<Map<String, Object>> matching(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("owner") String owner, @PathParam("repo") String repo, @Encoded @PathParam("ref") String ref,
            @Context UriInfo uri) {
        HubRepository repository = HubGitResource.checked(repositories.readable(callers.resolve(auth), owner, repo));
        String prefix = full(ref);
        return repository.refs().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .sorted(Map.Entry.comparingByKey())
                .map(e -> HubJson.ref(HubLinks.api(uri), repository, e.getKey(), e.getValue())).toList();
    }

    @POST
    @Path("/refs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("owner") String owner,
            @PathParam("repo") String repo, JsonNode body, @Context UriInfo uri) {
        HubRepository repository = HubGitResource.checked(repositories.writable(callers.resolve(auth), owner, repo));
        String ref = body == null ? null : body.path("ref").textValue();
        String sha = body == null ? null : body.path("sha").textValue();
        if (ref == null || !ref.startsWith("refs/") || ref.chars().filter(c -> c == '/').count() < 2
                || ref.contains("..") || ref.endsWith("/")) {
            throw HubError.unprocessable("Reference name is not valid");
        }
        if (repository.object(sha, HubGit.Kind.COMMIT).isEmpty()) {
            throw HubError.unprocessable("Object does not exist");
        }
        if (!repository.createRef(ref, sha)) {
            stats.increment(HubStats.REFS_REFUSED);
            throw HubError.unprocessable("Reference already exists");
        }
        stats.increment(HubStats.REFS_CREATED);
        String api = HubLinks.api(uri);
        return Response.created(URI.create(api + "/repos/" + repository.fullName() + "/git/" + ref))
                .entity(HubJson.ref(api, repository, ref, sha)).build();
    }

    @PATCH
    @Path("/refs/{ref: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("owner") String owner, @PathParam("repo") String repo, @Encoded @PathParam("ref") String ref,
            JsonNode body, @Context UriInfo uri) {
        HubRepository repository = HubGitResource.checked(repositories.writable(callers.resolve(auth), owner, repo));
        String sha = body == null ? null : body.path("sha").textValue();
        if (repository.object(sha, HubGit.Kind.COMMIT).isEmpty()) {
            throw HubError.unprocessable("Object does not exist");
        }
        String full = full(ref);
        switch (repository.updateRef(full, sha, body.path("force").asBoolean(false))) {
            case MISSING -> throw HubError.unprocessable("Reference does not exist");
            case NOT_FAST_FORWARD -> {
                stats.increment(HubStats.REFS_REFUSED);
                throw HubError.unprocessable("Update is not a fast forward");
            }
            default -> stats.increment(HubStats.REFS_UPDATED);
        }
        return HubJson.ref(HubLinks.api(uri), repository, full, sha);
    }

    @DELETE
    @Path("/refs/{ref: .+}")
    public Response delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @Encoded @PathParam("ref") String ref) {
        HubRepository repository = HubGitResource.checked(repositories.writable(callers.resolve(auth), owner, repo));
        if (!repository.deleteRef(full(ref))) {
            throw HubError.unprocessable("Reference does not exist");
        }
        return Response.noContent().build();
    }

    /** {@code heads/main}, {@code heads%2Fmain} or {@code refs/heads/main} → {@code refs/heads/main}. */
    static String full(String ref) {
        String decoded = URLDecoder.decode(ref.replace("+", "%2B"), StandardCharsets.UTF_8);
        return decoded.startsWith("refs/") ? decoded : "refs/" + decoded;
    }
}
