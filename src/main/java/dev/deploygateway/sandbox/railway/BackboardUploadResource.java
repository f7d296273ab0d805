package dev.deploygateway.sandbox.railway;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /project/{projectId}/environment/{environmentId}/up?serviceId=}: what {@code railway up} calls. The
 * gzip tarball is validated and unpacked, an empty {@code serviceId} creates a service, and a deployment starts.
 * Answers {@code {deploymentId, url, logsUrl, deploymentDomain}}; 400 {@code {message}} on a bad archive or ids,
 * 413 above {@code sandbox.railway.max-upload-bytes}.
 */
@Path("/sandbox/railway/project/{projectId}/environment/{environmentId}/up")
public class BackboardUploadResource {

    private final BackboardCaller callers;
    private final BackboardStore store;
    private final BackboardBuilds builds;
    private final BackboardConfig config;

    BackboardUploadResource(BackboardCaller callers, BackboardStore store, BackboardBuilds builds,
            BackboardConfig config) {
        this.callers = callers;
        this.store = store;
        this.builds = builds;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> up(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Project-Access-Token") String projectToken,
            @PathParam("projectId") String projectId, @PathParam("environmentId") String environmentId,
            @QueryParam("serviceId") String serviceId, byte[] body) {
        BackboardCaller.Caller caller;
        BackboardProject project;
        try {
            caller = callers.resolve(authorization, projectToken);
            project = store.project(projectId, caller);
        } catch (BackboardError e) {
            throw BackboardError.rest(401, e.getMessage());
        }
        if (!project.hasEnvironment(environmentId)) {
            throw BackboardError.rest(400, "Environment not found");
        }
        if (body == null || body.length == 0) {
            throw BackboardError.rest(400, "Request body is empty");
        }
        if (body.length > config.maxUploadBytes()) {
            throw BackboardError.rest(413, "Upload is too large (limit " + config.maxUploadBytes() + " bytes)");
        }
        Map<String, byte[]> files;
        try {
            files = BackboardTarball.unpack(body, config.maxUploadBytes() * 8);
        } catch (BackboardTarball.Rejected e) {
            throw BackboardError.rest(400, e.getMessage());
        }
        BackboardProject.Service service;
        if (serviceId == null || serviceId.isBlank()) {
            // Railway creates a service implicitly and does not return its id (the CLI reads it from logsUrl).
            service = project.addService(project.name.length() > 24 ? "service-" + BackboardIds.label(6)
                    : project.name.replaceAll("[^A-Za-z0-9 _-]", "-") + "-" + BackboardIds.label(4));
        } else {
            service = project.service(serviceId).orElseThrow(() -> BackboardError.rest(400, "Service not found"));
        }
        var deployment = builds.start(project, environmentId, service, files, true);
        String dashboard = "https://railway.com/project/" + project.id + "/service/" + service.id;
        var json = new LinkedHashMap<String, Object>();
        json.put("deploymentId", deployment.id);
        json.put("url", dashboard + "?id=" + deployment.id);
        json.put("logsUrl", dashboard + "?id=" + deployment.id + "&environmentId=" + environmentId);
        json.put("deploymentDomain", deployment.domain);
        return json;
    }
}
