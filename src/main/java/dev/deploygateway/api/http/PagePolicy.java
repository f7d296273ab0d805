package dev.deploygateway.api.http;

import java.util.Collection;

/**
 * The page's Content-Security-Policy for a route that may be framed by the given origins (the hand-off page,
 * {@code /deploy}, embedded by a code generator): the same policy as every page, but {@code frame-ancestors} names
 * those origins instead of {@code 'none'}. Without origins it is exactly the page's policy.
 */
public final class PagePolicy {

    private PagePolicy() {
    }

    public static String framedBy(Collection<String> origins) {
        return origins.isEmpty() ? SecurityHeaders.PAGE_POLICY
                : SecurityHeaders.PAGE_POLICY.replace("frame-ancestors 'none'",
                        "frame-ancestors " + String.join(" ", origins.stream().sorted().toList()));
    }
}
