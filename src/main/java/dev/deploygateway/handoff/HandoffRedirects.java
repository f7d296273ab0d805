package dev.deploygateway.handoff;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.deploygateway.config.HandoffConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;

/**
 * Where a hand-off link may send the user back: an absolute http(s) URL, without credentials, on one of
 * {@code HANDOFF_REDIRECT_ORIGINS}. Anything else is refused in words naming the origin, so the generator's
 * developer sees what to configure; the page then deploys without returning anywhere.
 */
@ApplicationScoped
public class HandoffRedirects {

    private static final Logger LOG = Logger.getLogger(HandoffRedirects.class);
    private static final int MAX_LENGTH = 2048;

    private final Set<String> origins;

    HandoffRedirects(HandoffConfig config) {
        List<String> configured = config.redirectOrigins().orElse(List.of());
        this.origins = configured.stream().map(HandoffRedirects::normalise).flatMap(Optional::stream)
                .collect(Collectors.toUnmodifiableSet());
        configured.stream().filter(o -> normalise(o).isEmpty()).forEach(o -> LOG.warnf("HANDOFF_REDIRECT_ORIGINS "
                + "entry '%s' is not an origin (scheme://host[:port]) and never matches", o));
    }

    /** A redirect URL that may be used, and its origin (the only target of the page's postMessage). */
    public record Redirect(String url, String origin) {
    }

    /** The allowed origins, normalised: what {@code /deploy} may be framed by. */
    public Set<String> origins() {
        return origins;
    }

    /** {@code url} when it is an allowed redirect; otherwise 400 {@code VALIDATION_FAILED} on {@code redirectUrl}. */
    public Redirect check(String url) {
        if (url == null || url.isBlank()) {
            throw refused("A redirectUrl is required.", "is required");
        }
        if (url.length() > MAX_LENGTH || url.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '\\')) {
            throw refused("The redirectUrl is not a URL this gateway can return you to.", "is not a valid URL");
        }
        Optional<String> origin = originOf(url);
        if (origin.isEmpty()) {
            throw refused("The redirectUrl must be an absolute http or https URL without credentials.",
                    "must be an absolute http(s) URL");
        }
        if (!origins.contains(origin.get())) {
            throw refused("The redirectUrl's origin " + origin.get() + " is not one this gateway returns users to "
                    + "(HANDOFF_REDIRECT_ORIGINS).", "is not on an allowed origin");
        }
        return new Redirect(url, origin.get());
    }

    private static Optional<String> originOf(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http"))
                    || (port == 443 && scheme.equals("https"));
            return Optional
                    .of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A configured origin as browsers serialise it, or empty when it is not a bare origin. */
    static Optional<String> normalise(String configured) {
        String trimmed = configured.trim();
        String bare = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        boolean bareOrigin = bare.indexOf('/', bare.indexOf("://") + 3) < 0 && !bare.contains("?")
                && !bare.contains("#");
        return bareOrigin ? originOf(bare) : Optional.empty();
    }

    private static GatewayException refused(String detail, String message) {
        return new GatewayException(ErrorCode.VALIDATION_FAILED, detail,
                Map.of("errors", List.of(Map.of("field", "redirectUrl", "message", message))), Map.of(), null);
    }
}
