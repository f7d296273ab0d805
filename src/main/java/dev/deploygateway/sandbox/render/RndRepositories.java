package dev.deploygateway.sandbox.render;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Render's read of a GitHub repository, over HTTP through GitHub's API (the GitHub sandbox outside prod): with
 * Render's own GitHub App installation token while Render "has access" (the default), anonymously while the
 * {@code repository-access} switch is off, in which case a private repository is simply not found, as it is for Render
 * without access. A commit is read as git does: ref → commit → recursive tree → blobs.
 */
@ApplicationScoped
class RndRepositories {

    private static final Pattern GITHUB = Pattern.compile("https://github\\.com/([^/]+)/([^/]+?)(?:\\.git)?/?");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A commit's files. */
    record Snapshot(String commit, String message, Map<String, byte[]> files) {
    }

    /** Why a repository could not be read. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    // HTTP/1.1: the JDK client's default h2c upgrade attempt is not something GitHub's clients send.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final RndConfig config;
    private volatile boolean access = true;

    RndRepositories(RndConfig config) {
        this.config = config;
    }

    void access(boolean enabled) {
        this.access = enabled;
    }

    static Optional<String[]> parse(String repo) {
        Matcher m = repo == null ? null : GITHUB.matcher(repo);
        return m != null && m.matches() ? Optional.of(new String[] { m.group(1), m.group(2) }) : Optional.empty();
    }

    /** Whether Render can see the repository now. */
    CompletableFuture<Boolean> readable(String repo) {
        String[] ownerName = parse(repo).orElseThrow(() -> new Unreadable("not a GitHub repository URL"));
        return get("/repos/" + ownerName[0] + "/" + ownerName[1]).thenApply(r -> r.statusCode() == 200);
    }

    /** The files of {@code commit} (the branch's head when null). */
    CompletableFuture<Snapshot> read(String repo, String branch, String commit) {
        String[] on = parse(repo).orElseThrow(() -> new Unreadable("not a GitHub repository URL"));
        String base = "/repos/" + on[0] + "/" + on[1] + "/git";
        CompletableFuture<String> sha = commit != null ? CompletableFuture.completedFuture(commit)
                : json(base + "/ref/heads/" + URLEncoder.encode(branch, StandardCharsets.UTF_8))
                        .thenApply(ref -> ref.path("object").path("sha").asText());
        return sha.thenCompose(s -> json(base + "/commits/" + s).thenCompose(c -> json(base + "/trees/"
                + c.path("tree").path("sha").asText() + "?recursive=1").thenCompose(tree -> blobs(base, tree))
                .thenApply(files -> new Snapshot(s, c.path("message").asText(), files))));
    }

    private CompletableFuture<Map<String, byte[]>> blobs(String base, JsonNode tree) {
        var files = new LinkedHashMap<String, byte[]>();
        var reads = new ArrayList<CompletableFuture<Void>>();
        for (JsonNode item : tree.path("tree")) {
            if ("blob".equals(item.path("type").asText())) {
                String path = item.path("path").asText();
                reads.add(json(base + "/blobs/" + item.path("sha").asText()).thenAccept(blob -> {
                    byte[] bytes = Base64.getMimeDecoder().decode(blob.path("content").asText());
                    synchronized (files) {
                        files.put(path, bytes);
                    }
                }));
            }
        }
        return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(v -> Map.copyOf(files));
    }

    private CompletableFuture<JsonNode> json(String path) {
        return get(path).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new Unreadable("GitHub answered " + response.statusCode() + " for " + path);
            }
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new Unreadable("GitHub answered something that is not JSON");
            }
        });
    }

    private CompletableFuture<HttpResponse<String>> get(String path) {
        var request = HttpRequest.newBuilder(URI.create(config.githubApiUrl().replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(20)).header("Accept", "application/vnd.github+json")
                .header("User-Agent", "render-sandbox");
        if (access) {
            request.header("Authorization", "Bearer " + config.githubToken());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
