package dev.deploygateway.sandbox.railway;

import java.net.URLConnection;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.sandbox.sites.SiteSource;

/**
 * A service's live deployment at its generated domain, for the site server ({@code /railway/<domain>/<path>}),
 * standing in for {@code https://<domain>/<path>}: the uploaded file byte for byte ({@code index.html} for
 * directories, also looked up under {@code public/} and {@code dist/}), from the newest SUCCESS deployment.
 */
@ApplicationScoped
class BackboardSites implements SiteSource {

    private final BackboardStore store;

    BackboardSites(BackboardStore store) {
        this.store = store;
    }

    @Override
    public String prefix() {
        return "railway";
    }

    @Override
    public Optional<SiteFile> find(String domain, String path) {
        var deployment = store.servingDomain(domain);
        if (deployment.isEmpty()) {
            return Optional.empty();
        }
        String wanted = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        for (String candidate : new String[] { wanted, "public/" + wanted, "dist/" + wanted }) {
            byte[] content = deployment.get().files.get(candidate);
            if (content != null) {
                String type = URLConnection.guessContentTypeFromName(candidate);
                return Optional.of(new SiteFile(content, type == null ? "application/octet-stream" : type));
            }
        }
        return Optional.empty();
    }
}
