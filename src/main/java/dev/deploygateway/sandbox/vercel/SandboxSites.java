package dev.deploygateway.sandbox.vercel;

import java.net.URLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.sandbox.sites.SiteSource;

/**
 * What a READY deployment contains, for the site server ({@code /vercel/<host>/<path>}), where {@code host} is the
 * deployment's {@code url} or one of its aliases. Static files only: the sandbox does not run the build, it serves
 * the uploaded files (from the output directory if the project settings name one and it exists, else the root).
 */
@ApplicationScoped
class SandboxSites implements SiteSource {

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css",
            "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8", "json", "application/json", "svg",
            "image/svg+xml", "png", "image/png", "txt", "text/plain; charset=utf-8", "ico", "image/x-icon");

    private final SandboxDeployments deployments;
    private final SandboxBlobs blobs;

    SandboxSites(SandboxDeployments deployments, SandboxBlobs blobs) {
        this.deployments = deployments;
        this.blobs = blobs;
    }

    @Override
    public String prefix() {
        return "vercel";
    }

    @Override
    public Optional<SiteFile> find(String host, String path) {
        var deployment = deployments.find(null, host).filter(d -> "READY".equals(d.readyState));
        if (deployment.isEmpty()) {
            return Optional.empty();
        }
        String wanted = path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
        for (String candidate : candidates(deployment.get(), wanted)) {
            Optional<byte[]> content = Optional.ofNullable(deployment.get().files.get(candidate))
                    .flatMap(sha -> blobs.get(deployment.get().ownerId, sha));
            if (content.isPresent()) {
                return Optional.of(new SiteFile(content.get(), type(candidate)));
            }
        }
        return Optional.empty();
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
        String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return Optional.ofNullable(TYPES.get(ext))
                .or(() -> Optional.ofNullable(URLConnection.guessContentTypeFromName(path)))
                .orElse("application/octet-stream");
    }
}
