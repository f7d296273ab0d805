package dev.deploygateway.api.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import dev.deploygateway.config.IdentityConfig;

/**
 * Which browser origins may call the service: this service's own origin and the {@code ALLOWED_ORIGINS}. One
 * rule for the CORS refusal ({@link OriginGuard}) and the CSRF check of cookie-authenticated writes. Allowed
 * origins match exactly, as in Quarkus's CORS filter (browsers serialise origins canonically), so this rule never
 * lets through what that filter would refuse.
 */
@Singleton
public class OriginPolicy {

    private final Set<String> allowedOrigins;

    OriginPolicy(IdentityConfig config) {
        this.allowedOrigins = config.allowedOrigins().stream().map(String::trim)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** True when {@code origin} is listed in {@code ALLOWED_ORIGINS}. */
    public boolean isListed(String origin) {
        return allowedOrigins.contains(origin);
    }

    /**
     * True when {@code origin} is listed or is the origin the request was addressed to ({@code scheme} and
     * {@code authority} of the request, the authority as the {@code Host} header gave it).
     */
    public boolean allows(String origin, String scheme, String authority) {
        return isListed(origin) || sameOrigin(origin, scheme, authority);
    }

    static boolean sameOrigin(String origin, String scheme, String authority) {
        if (scheme == null || authority == null) {
            return false;
        }
        try {
            URI claimed = new URI(origin);
            URI own = new URI(scheme + "://" + authority);
            boolean bareOrigin = (claimed.getRawPath() == null || claimed.getRawPath().isEmpty())
                    && claimed.getRawQuery() == null && claimed.getRawUserInfo() == null;
            return bareOrigin && claimed.getHost() != null && own.getHost() != null
                    && scheme.equalsIgnoreCase(claimed.getScheme())
                    && claimed.getHost().toLowerCase(Locale.ROOT).equals(own.getHost().toLowerCase(Locale.ROOT))
                    && port(claimed) == port(own);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
