package dev.deploygateway.sandbox.vercel;

import java.net.URLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * Serves what a READY deployment contains at {@code /sandbox/vercel/sites/{host}/{path}}, where {@code host} is
 * the deployment's {@code url} or one of its aliases, so the demo can open the result. Static files only:
 * the sandbox does not run the build, it serves the uploaded files (from the output directory if the
 * project settings name one and it exists, else from the root).
 */
@Path("/sandbox/vercel/sites")
public class SandboxSiteResource {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css",
            "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "json", "application/json", "svg",
            "image/svg+xml", "png", "image/png", "txt", "text/plain; charset=utf-8", "ico", "image/x-icon");

    private final SandboxDeployments deployments;
    private final SandboxBlobs blobs;

    SandboxSiteResource(SandboxDeployments deployments, SandboxBlobs blobs) {
        this.deployments = deployments;
        this.blobs = blobs;
    }

    @GET
    @Path("/{host}")
    public Response root(@PathParam("host") String host) {
        return file(host, "");
    }

    @GET
    @Path("/{host}/{path: .*}")
    public Response file(@PathParam("host") String host, @PathParam("path") String path) {
        var deployment = deployments.find(null, host).filter(d -> "READY".equals(d.readyState))
                .orElseThrow(() -> SandboxError.of(404, "DEPLOYMENT_NOT_FOUND", "The deployment could not be found"));
        String wanted = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        for (String candidate : candidates(deployment, wanted)) {
            Optional<byte[]> content = Optional.ofNullable(deployment.files.get(candidate))
                    .flatMap(sha -> blobs.get(deployment.ownerId, sha));
            if (content.isPresent()) {
                return Response.ok(content.get()).type(type(candidate)).build();
            }
        }
        throw SandboxError.of(404, "NOT_FOUND", "The page could not be found");
    }

    private static List<String> candidates(SandboxDeployment deployment, String wanted) {
        var list = new ArrayList<String>();
        Object out = deployment.projectSettings.get("outputDirectory");
        if (out != null && !out.toString().isBlank()) {
            list.add(out.toString().replaceAll("^\\./|/$", "") + "/" + wanted);
        }
        list.add(wanted);
        list.add("public/" + wanted);
        if (!wanted.contains(".")) {
            list.add(wanted + "/index.html");
            list.add(wanted + ".html");
        }
        return list;
    }

    private static String type(String path) {
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        return Optional.ofNullable(TYPES.get(ext)).or(() -> Optional.ofNullable(URLConnection.guessContentTypeFromName(path)))
                .orElse("application/octet-stream");
    }
}
