package dev.deploygateway.sandbox.github;

import jakarta.ws.rs.core.UriInfo;

/** Where the sandbox's API lives for the current request ({@code https://api.github.com}'s stand-in). */
final class HubLinks {

    private HubLinks() {
    }

    static String api(UriInfo uri) {
        return uri.getBaseUriBuilder().path("sandbox/github").build().toString().replaceAll("/+$", "");
    }
}
