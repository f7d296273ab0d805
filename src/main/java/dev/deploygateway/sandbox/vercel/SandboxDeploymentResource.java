package dev.deploygateway.sandbox.vercel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import com.fasterxml.jackson.databind.JsonNode;

/** Create (by SHA, inline, tgz archive, or redeploy), read, cancel and delete deployments. */
@Path("/sandbox/vercel")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxDeploymentResource {

    private final SandboxCaller callers;
    private final SandboxProjects projects;
    private final SandboxDeployments deployments;
    private final SandboxBlobs blobs;
    private final long maxArchiveBytes;

    SandboxDeploymentResource(SandboxCaller callers, SandboxProjects projects, SandboxDeployments deployments,
            SandboxBlobs blobs, SandboxVercelConfig config) {
        this.callers = callers;
        this.projects = projects;
        this.deployments = deployments;
        this.blobs = blobs;
        this.maxArchiveBytes = config.maxBlobBytes();
    }

    @POST
    @Path("/v13/deployments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("teamId") String teamId,
            @QueryParam("skipAutoDetectionConfirmation") String skipDetection, JsonNode body) {
        var caller = callers.resolve(auth, teamId);
        if (body == null || !body.path("name").isTextual()) {
            throw SandboxError.badRequest("Invalid request: missing required property `name`.");
        }
        if (body.has("gitSource")) {
            throw SandboxError.badRequest("The sandbox does not build from git; send `files`.");
        }
        Map<String, String> files;
        SandboxProject project;
        if (body.hasNonNull("deploymentId")) {
            var previous = deployments.get(caller.ownerId(), body.get("deploymentId").asText());
            files = previous.files;
            project = projects.get(caller.ownerId(), previous.projectId);
        } else {
            files = SandboxArchive.expand(files(caller.ownerId(), body.path("files")), blobs, caller.ownerId(),
                    maxArchiveBytes);
            String projectRef = body.path("project").asText(body.get("name").asText());
            project = projects.find(caller.ownerId(), projectRef).orElse(null);
            // projectSettings present as an object means the settings are known, whatever it holds.
            var settings = body.path("projectSettings").isObject()
                    ? SandboxProjectResource.settings(body.get("projectSettings")) : null;
            boolean knowsSettings = settings != null || (project != null && project.settings != null);
            if (!knowsSettings && !"1".equals(skipDetection)) {
                var template = new LinkedHashMap<String, Object>();
                for (String key : List.of("framework", "buildCommand", "installCommand", "outputDirectory",
                        "devCommand")) {
                    template.put(key, null);
                }
                throw SandboxError.of(400, "missing_project_settings",
                        "The `projectSettings` object is required for new projects, but is missing in the "
                                + "deployment payload",
                        Map.of("framework", "other", "projectSettings", template));
            }
            if (project == null) {
                project = projects.create(caller.ownerId(), projectRef, settings);
            } else if (project.settings == null && settings != null) {
                synchronized (project) {
                    project.settings = settings;
                }
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        body.path("meta").fields().forEachRemaining(e -> meta.put(e.getKey(), e.getValue().asText()));
        String target = body.hasNonNull("target") ? body.get("target").asText() : null;
        return SandboxJson.deploymentFull(deployments.start(project, caller, target, files, meta));
    }

    @GET
    @Path("/v13/deployments/{idOrUrl}")
    public Map<String, Object> get(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("idOrUrl") String idOrUrl, @QueryParam("teamId") String teamId) {
        return SandboxJson.deploymentFull(deployments.get(callers.resolve(auth, teamId).ownerId(), idOrUrl));
    }

    @PATCH
    @Path("/v12/deployments/{id}/cancel")
    public Map<String, Object> cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("id") String id, @QueryParam("teamId") String teamId) {
        var deployment = deployments.get(callers.resolve(auth, teamId).ownerId(), id);
        return SandboxJson.deploymentFull(deployments.cancel(deployment));
    }

    @DELETE
    @Path("/v13/deployments/{id}")
    public Map<String, Object> delete(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("id") String id, @QueryParam("teamId") String teamId) {
        var deployment = deployments.get(callers.resolve(auth, teamId).ownerId(), id);
        if (!deployment.terminal()) {
            deployments.cancel(deployment);
        }
        return Map.of("uid", deployment.id, "state", "DELETED");
    }

    /** Resolves the {@code files} list to path → SHA, storing inline files; 400 {@code missing_files} lists gaps. */
    private Map<String, String> files(String ownerId, JsonNode list) {
        if (!list.isArray() || list.isEmpty()) {
            throw SandboxError.badRequest("Invalid request: `files` must be a non-empty array.");
        }
        var files = new LinkedHashMap<String, String>();
        var missing = new ArrayList<String>();
        for (JsonNode entry : list) {
            String path = entry.path("file").asText("");
            if (path.isEmpty() || path.startsWith("/") || List.of(path.split("/")).contains("..")) {
                throw SandboxError.badRequest("Invalid file path: `" + path + "`");
            }
            String sha;
            if (entry.has("data")) {
                String encoding = entry.path("encoding").asText("utf-8");
                byte[] content = "base64".equals(encoding) ? Base64.getDecoder().decode(entry.get("data").asText())
                        : entry.get("data").asText().getBytes(StandardCharsets.UTF_8);
                sha = SandboxFileResource.sha1(content);
                blobs.put(ownerId, sha, content);
            } else {
                sha = entry.path("sha").asText("");
                if (!blobs.has(ownerId, sha)) {
                    missing.add(sha);
                }
            }
            files.put(path, sha);
        }
        if (!missing.isEmpty()) {
            throw SandboxError.of(400, "missing_files", "Missing files", Map.of("missing",
                    missing.stream().distinct().toList()));
        }
        return files;
    }
}
