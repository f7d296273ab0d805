package dev.deploygateway.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;

/**
 * 429 {@code RATE_LIMITED}: the user has used every admission of the rolling window. The problem body gets
 * {@code limit}, {@code remaining}, {@code reset} (ISO-8601) and {@code retryAfterSeconds}; the response gets
 * {@code Retry-After} and the quota headers of {@link RateLimitHeaders}.
 */
public class RateLimitedException extends GatewayException {

    private final transient Quota quota;

    public RateLimitedException(Quota quota) {
        super(ErrorCode.RATE_LIMITED, "You have reached the limit of " + quota.limit() + " deployments per "
                + quota.window().toMinutes() + " minutes. Try again in " + Math.max(1, quota.retryAfterSeconds())
                + " seconds.", extensions(quota), RateLimitHeaders.refused(quota), null);
        this.quota = quota;
    }

    public Quota quota() {
        return quota;
    }

    private static Map<String, Object> extensions(Quota quota) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("limit", quota.limit());
        ext.put("remaining", quota.remaining());
        ext.put("reset", quota.reset().toString());
        ext.put("retryAfterSeconds", Math.max(1, quota.retryAfterSeconds()));
        return ext;
    }
}
