package dev.deploygateway.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;

/**
 * Where the browser goes after the handshake. Only two shapes are accepted, so the callback can never be used as
 * an open redirector: a path on this service ({@code /x}, not {@code //host} nor {@code /\host}, which browsers
 * read as another host), or an absolute http(s) URL whose origin is one of {@code ALLOWED_ORIGINS}.
 */
final class ReturnTo {

    private ReturnTo() {
    }

    static String validate(String returnTo, List<String> allowedOrigins) {
        if (returnTo == null || returnTo.isBlank()) {
            return "/";
        }
        if (returnTo.length() > 2048 || returnTo.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '\\')) {
            throw refused();
        }
        if (returnTo.startsWith("/")) {
            if (returnTo.startsWith("//")) {
                throw refused();
            }
            return returnTo;
        }
        try {
            URI uri = new URI(returnTo);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                throw refused();
            }
            String origin = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
            Set<String> allowed = allowedOrigins.stream().map(ReturnTo::normalise).collect(Collectors.toSet());
            if (!allowed.contains(origin)) {
                throw refused();
            }
            return returnTo;
        } catch (URISyntaxException e) {
            throw refused();
        }
    }

    /** {@code returnTo} plus one query parameter (kept before any fragment). */
    static String with(String returnTo, String name, String value) {
        int hash = returnTo.indexOf('#');
        String base = hash < 0 ? returnTo : returnTo.substring(0, hash);
        String fragment = hash < 0 ? "" : returnTo.substring(hash);
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        return base + (base.contains("?") ? "&" : "?") + name + "=" + encoded + fragment;
    }

    private static String normalise(String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }

    private static GatewayException refused() {
        return new GatewayException(ErrorCode.VALIDATION_FAILED, "returnTo must be a path on this service or a URL "
                + "on an allowed origin (ALLOWED_ORIGINS).",
                Map.of("errors",
                        List.of(Map.of("field", "returnTo", "message", "not allowed"))),
                Map.of(), null);
    }
}
