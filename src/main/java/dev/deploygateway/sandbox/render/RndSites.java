package dev.deploygateway.sandbox.render;

import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.sandbox.sites.SiteSource;

/**
 * A service's live deploy at {@code <slug>.onrender.com}, for the site server ({@code /render/<host>/<path>}): a
 * static site's published files byte for byte ({@code index.html} for directories); for a web service, which the
 * sandbox does not run, a page that says so and names the start command.
 */
@ApplicationScoped
class RndSites implements SiteSource {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css",
            "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "svg", "image/svg+xml", "png",
            "image/png", "json", "application/json");

    private final RndStore store;

    RndSites(RndStore store) {
        this.store = store;
    }

    @Override
    public String prefix() {
        return "render";
    }

    /** The path prefix of a publish path: {@code "."} is the root, {@code ./dist/} is {@code dist/}. */
    static String prefix(String publishPath) {
        String clean = publishPath.replaceAll("^\\./?|^/+", "").replaceAll("/+$", "");
        return clean.isEmpty() || clean.equals(".") ? "" : clean + "/";
    }

    @Override
    public Optional<SiteFile> find(String host, String path) {
        if (!host.endsWith(".onrender.com")) {
            return Optional.empty();
        }
        var service = store.bySlug(host.substring(0, host.length() - ".onrender.com".length()));
        var live = service.flatMap(s -> store.deploysOf(s.id).stream().filter(d -> "live".equals(d.status))
                .findFirst());
        if (live.isEmpty()) {
            return Optional.empty();
        }
        if (!service.get().staticSite()) {
            String page = "<!doctype html><title>" + service.get().name + "</title><p>Render sandbox: web service "
                    + service.get().name + " is live (started with '" + service.get().detail("startCommand", "")
                    + "'); the sandbox does not run it.</p>";
            return Optional.of(new SiteFile(page.getBytes(StandardCharsets.UTF_8), TYPES.get("html")));
        }
        String wanted = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        String base = prefix(service.get().detail("publishPath", "."));
        for (String candidate : new String[] { base + wanted, base + wanted + ".html",
                base + wanted + "/index.html" }) {
            byte[] content = live.get().files.get(candidate);
            if (content != null) {
                String ext = candidate.substring(candidate.lastIndexOf('.') + 1);
                String type = TYPES.getOrDefault(ext, URLConnection.guessContentTypeFromName(candidate));
                return Optional.of(new SiteFile(content, type == null ? "application/octet-stream" : type));
            }
        }
        return Optional.empty();
    }
}
