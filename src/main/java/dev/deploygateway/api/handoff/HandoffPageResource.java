package dev.deploygateway.api.handoff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.deploygateway.api.http.PagePolicy;
import dev.deploygateway.handoff.HandoffRedirects;

/**
 * {@code /deploy?projectName=…&env=…&envDescription=…&redirectUrl=…&source=…}: the page itself (the same
 * {@code index.html} as {@code /}, which reads the link's parameters), so a generator can open it in a tab, a popup
 * or, from an allowed origin, a frame. Public: the page signs the user in itself.
 */
@Path("/deploy")
public class HandoffPageResource {

    private static final String PAGE = "META-INF/resources/index.html";

    private final byte[] page;
    private final String policy;
    private final boolean framable;

    HandoffPageResource(HandoffRedirects redirects) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE + " is missing from the classpath");
            }
            this.page = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.policy = PagePolicy.framedBy(redirects.origins());
        this.framable = !redirects.origins().isEmpty();
    }

    @GET
    @Produces("text/html; charset=utf-8")
    @Operation(summary = "The hand-off page a code generator links to", hidden = true)
    public Response page() {
        Response.ResponseBuilder response = Response.ok(page).header("Content-Security-Policy", policy)
                .header("Cache-Control", "no-cache");
        // frame-ancestors names the allowed embedders; browsers that only know X-Frame-Options get the safe subset.
        return (framable ? response.header("X-Frame-Options", "SAMEORIGIN") : response).build();
    }
}
