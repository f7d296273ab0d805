package dev.deploygateway.api.handoff;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestQuery;

import dev.deploygateway.handoff.HandoffRedirects;
import io.quarkus.security.Authenticated;

/** Whether a hand-off link's {@code redirectUrl} is one this gateway returns users to. */
@Authenticated
@Path("/api/v1/handoff")
@Produces(MediaType.APPLICATION_JSON)
public class HandoffResource {

    private final HandoffRedirects redirects;

    HandoffResource(HandoffRedirects redirects) {
        this.redirects = redirects;
    }

    @GET
    @Path("redirect")
    @Operation(summary = "Checks a hand-off redirectUrl against HANDOFF_REDIRECT_ORIGINS",
            description = "200 {url, origin} when the page may return the user there (and post the outcome to that "
                    + "origin); 400 VALIDATION_FAILED on redirectUrl, in words, when not.")
    public HandoffRedirects.Redirect redirect(@RestQuery String url) {
        return redirects.check(url);
    }
}
