package dev.deploygateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The response headers describing a quota, for any endpoint that admits deployments or reports the quota:
 * the IETF draft fields ({@code draft-ietf-httpapi-ratelimit-headers}) {@code RateLimit-Policy:
 * "deploy";q=10;w=3600} and {@code RateLimit: "deploy";r=<remaining>;t=<seconds to reset>}, plus the
 * GitHub-style {@code X-RateLimit-Limit/Remaining/Reset} (reset in epoch seconds, unlike the seed's ISO
 * string). {@code Retry-After} is added only to refusals.
 */
public final class RateLimitHeaders {

    /** The policy name used in the draft fields. */
    public static final String POLICY = "deploy";

    private RateLimitHeaders() {
    }

    /** Headers for a response that admitted or reported (no {@code Retry-After}). */
    public static Map<String, String> of(Quota quota) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit-Policy", "\"" + POLICY + "\";q=" + quota.limit() + ";w=" + quota.window().toSeconds());
        headers.put("RateLimit", "\"" + POLICY + "\";r=" + quota.remaining() + ";t=" + quota.secondsToReset());
        headers.put("X-RateLimit-Limit", Integer.toString(quota.limit()));
        headers.put("X-RateLimit-Remaining", Integer.toString(quota.remaining()));
        headers.put("X-RateLimit-Reset", Long.toString(Quota.ceilSeconds(quota.reset().toEpochMilli())));
        return headers;
    }

    /** Headers for a refusal: the above plus {@code Retry-After} in whole seconds, at least 1. */
    public static Map<String, String> refused(Quota quota) {
        Map<String, String> headers = of(quota);
        headers.put("Retry-After", Long.toString(Math.max(1, quota.retryAfterSeconds())));
        return headers;
    }
}
