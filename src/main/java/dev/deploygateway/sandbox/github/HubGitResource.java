package dev.deploygateway.sandbox.github;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Git Data API's objects: blobs, trees and commits, stored under the ids git computes. A repository without any
 * commit answers 409 "Git Repository is empty." to all of them, as GitHub does.
 */
@Path("/sandbox/github/repos/{owner}/{repo}/git")
@Produces(MediaType.APPLICATION_JSON)
public class HubGitResource {

    private final HubCaller callers;
    private final HubRepositories repositories;
    private final HubStats stats;

    HubGitResource(HubCaller callers, HubRepositories repositories, HubStats stats) {
        this.callers = callers;
        this.repositories = repositories;
        this.stats = stats;
    }

    @POST
    @Path("/blobs")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createBlob(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("owner") String owner,
            @PathParam("repo") String repo, JsonNode body, @Context UriInfo uri) {
        HubRepository repository = writable(auth, owner, repo);
        if (body == null || !body.path("content").isTextual()) {
            throw HubError.validation("Blob", "content", "content is missing");
        }
        String encoding = body.path("encoding").asText("utf-8");
        byte[] content;
        if (encoding.equalsIgnoreCase("base64")) {
            try {
                content = Base64.getMimeDecoder().decode(body.path("content").asText());
            } catch (IllegalArgumentException e) {
                throw HubError.unprocessable("content is not valid Base64");
            }
        } else if (encoding.equalsIgnoreCase("utf-8") || encoding.equalsIgnoreCase("utf8")) {
            content = body.path("content").asText().getBytes(StandardCharsets.UTF_8);
        } else {
            throw HubError.unprocessable("encoding must be utf-8 or base64");
        }
        String sha = repository.put(HubGit.Kind.BLOB, content);
        stats.increment(HubStats.BLOBS);
        stats.add(HubStats.BLOB_BYTES, content.length);
        String api = HubLinks.api(uri);
        return Response.created(URI.create(api + "/repos/" + repository.fullName() + "/git/blobs/" + sha))
                .entity(HubJson.shortBlob(api, repository, sha)).build();
    }

    @GET
    @Path("/blobs/{sha}")
    public Map<String, Object> blob(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("sha") String sha,
            @Context UriInfo uri) {
        HubRepository repository = readable(auth, owner, repo);
        var blob = repository.object(sha, HubGit.Kind.BLOB).orElseThrow(HubError::notFound);
        return HubJson.blob(HubLinks.api(uri), repository, sha, blob.body());
    }

    @POST
    @Path("/trees")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createTree(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("owner") String owner,
            @PathParam("repo") String repo, JsonNode body, @Context UriInfo uri) {
        HubRepository repository = writable(auth, owner, repo);
        if (body == null || !body.path("tree").isArray()) {
            throw HubError.validation("Tree", "tree", "tree is missing");
        }
        var changes = new ArrayList<HubTrees.Change>();
        for (JsonNode e : body.path("tree")) {
            changes.add(new HubTrees.Change(e.path("path").textValue(), e.path("mode").textValue(),
                    e.path("type").textValue(), e.path("sha").textValue(), e.path("content").textValue(),
                    e.has("sha")));
        }
        var builder = new HubTrees(repository);
        String sha = builder.build(body.path("base_tree").textValue(), changes);
        stats.increment(HubStats.TREES);
        stats.add(HubStats.INLINE, builder.inlineEntries());
        String api = HubLinks.api(uri);
        return Response.created(URI.create(api + "/repos/" + repository.fullName() + "/git/trees/" + sha))
                .entity(tree(api, repository, sha, false)).build();
    }

    @GET
    @Path("/trees/{sha: .+}")
    public Map<String, Object> getTree(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("sha") String sha,
            @QueryParam("recursive") String recursive, @Context UriInfo uri) {
        HubRepository repository = readable(auth, owner, repo);
        String treeSha = sha;
        if (repository.object(sha, HubGit.Kind.TREE).isEmpty()) {
            // tree_sha may also name a branch or a commit: its tree then.
            String commit = repository.ref("refs/heads/" + sha).orElse(sha);
            treeSha = repository.object(commit, HubGit.Kind.COMMIT).map(c -> HubGit.parseCommit(c.body()).tree())
                    .orElseThrow(HubError::notFound);
        }
        return tree(HubLinks.api(uri), repository, treeSha, recursive != null);
    }

    @POST
    @Path("/commits")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createCommit(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("owner") String owner, @PathParam("repo") String repo, JsonNode body, @Context UriInfo uri) {
        var caller = callers.resolve(auth);
        HubRepository repository = checked(repositories.writable(caller, owner, repo));
        if (body == null || !body.path("message").isTextual() || !body.path("tree").isTextual()) {
            throw HubError.validation("Commit", "message", "message and tree are required");
        }
        String tree = body.path("tree").asText();
        if (repository.object(tree, HubGit.Kind.TREE).isEmpty()) {
            throw HubError.unprocessable("Tree SHA does not exist");
        }
        List<String> parents = new ArrayList<>();
        for (JsonNode p : body.path("parents")) {
            if (repository.object(p.asText(), HubGit.Kind.COMMIT).isEmpty()) {
                throw HubError.unprocessable("Parent SHA does not exist or is not a commit object");
            }
            parents.add(p.asText());
        }
        var user = caller.requireUser();
        HubGit.Person author = person(body.path("author"), user);
        HubGit.Person committer = body.has("committer") ? person(body.path("committer"), user) : author;
        var commit = new HubGit.Commit(tree, parents, author, committer, body.path("message").asText());
        String sha = repository.put(HubGit.Kind.COMMIT, HubGit.commitBody(commit));
        stats.increment(HubStats.COMMITS);
        String api = HubLinks.api(uri);
        return Response.created(URI.create(api + "/repos/" + repository.fullName() + "/git/commits/" + sha))
                .entity(HubJson.commit(api, repository, sha, commit)).build();
    }

    @GET
    @Path("/commits/{sha}")
    public Map<String, Object> getCommit(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("sha") String sha,
            @Context UriInfo uri) {
        HubRepository repository = readable(auth, owner, repo);
        var commit = repository.object(sha, HubGit.Kind.COMMIT).orElseThrow(HubError::notFound);
        return HubJson.commit(HubLinks.api(uri), repository, sha, HubGit.parseCommit(commit.body()));
    }

    private Map<String, Object> tree(String api, HubRepository repository, String sha, boolean recursive) {
        var items = new ArrayList<Map<String, Object>>();
        list(api, repository, sha, "", recursive, items);
        return HubJson.tree(api, repository, sha, items, false);
    }

    private void list(String api, HubRepository repository, String sha, String prefix, boolean recursive,
            List<Map<String, Object>> items) {
        var tree = repository.object(sha, HubGit.Kind.TREE).orElseThrow(HubError::notFound);
        for (HubGit.Entry entry : HubGit.parseTree(tree.body())) {
            Long size = entry.kind() == HubGit.Kind.BLOB ? repository.object(entry.sha())
                    .map(o -> (long) o.body().length).orElse(0L) : null;
            items.add(HubJson.treeItem(api, repository, prefix + entry.name(), entry, size));
            if (recursive && entry.subtree()) {
                list(api, repository, entry.sha(), prefix + entry.name() + "/", true, items);
            }
        }
    }

    private static HubGit.Person person(JsonNode json, HubAccounts.User user) {
        Instant when = Instant.now();
        if (json.path("date").isTextual()) {
            try {
                when = OffsetDateTime.parse(json.path("date").asText()).toInstant();
            } catch (DateTimeParseException e) {
                throw HubError.unprocessable("author.date is not a valid ISO 8601 timestamp");
            }
        }
        return new HubGit.Person(json.path("name").asText(user.name()), json.path("email").asText(user.email()),
                when);
    }

    private HubRepository readable(String auth, String owner, String repo) {
        return checked(repositories.readable(callers.resolve(auth), owner, repo));
    }

    private HubRepository writable(String auth, String owner, String repo) {
        return checked(repositories.writable(callers.resolve(auth), owner, repo));
    }

    /** The Git Data API refuses a repository without commits. */
    static HubRepository checked(HubRepository repository) {
        if (repository.empty()) {
            throw HubError.emptyRepository();
        }
        return repository;
    }
}
