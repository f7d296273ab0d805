package dev.deploygateway.sandbox.railway;

import java.net.URLConnection;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * Serves a service's live deployment at its generated domain, standing in for {@code https://<domain>/<path>}:
 * {@code /sandbox/railway/sites/<domain>/<path>} answers the uploaded file byte for byte ({@code index.html} for
 * directories), from the newest SUCCESS deployment.
 */
@Path("/sandbox/railway/sites")
public class BackboardSiteResource {

    private final BackboardStore store;

    BackboardSiteResource(BackboardStore store) {
        this.store = store;
    }

    @GET
    @Path("/{domain}")
    public Response root(@PathParam("domain") String domain) {
        return file(domain, "");
    }

    @GET
    @Path("/{domain}/{path: .*}")
    public Response file(@PathParam("domain") String domain, @PathParam("path") String path) {
        var deployment = store.servingDomain(domain).orElse(null);
        if (deployment == null) {
            return Response.status(404).entity("Application not found").build();
        }
        String wanted = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        for (String candidate : new String[] { wanted, "public/" + wanted, "dist/" + wanted }) {
            byte[] content = deployment.files.get(candidate);
            if (content != null) {
                String type = URLConnection.guessContentTypeFromName(candidate);
                return Response.ok(content, type == null ? "application/octet-stream" : type).build();
            }
        }
        return Response.status(404).entity("Not Found").build();
    }
}
