package dev.deploygateway.sandbox.sites;

import java.util.Optional;

/** What one platform sandbox serves under {@code /<prefix>/<host>/<path>} of the site server. */
public interface SiteSource {

    /** One file of a live deployment. */
    record SiteFile(byte[] content, String contentType) {
    }

    /** The first path segment this source answers, e.g. {@code vercel}. */
    String prefix();

    /** The file at {@code path} ({@code ""} for the root) of the live deployment behind {@code host}. */
    Optional<SiteFile> find(String host, String path);
}
