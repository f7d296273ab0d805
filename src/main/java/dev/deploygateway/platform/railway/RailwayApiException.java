package dev.deploygateway.platform.railway;

import java.time.Duration;
import java.util.Optional;

import dev.deploygateway.platform.PlatformCallPolicy;

/**
 * What Railway answered when it did not do what was asked: an HTTP status (GraphQL errors arrive with 200), the
 * first GraphQL error's message and {@code extensions.code}, and {@code Retry-After}. Internal to the client; mapped
 * to {@code PlatformException} by {@link RailwayErrors}. Never carries a token.
 */
final class RailwayApiException extends RuntimeException implements PlatformCallPolicy.HttpFailure {

    final int status;
    final String code;
    final String platformMessage;
    final Optional<Duration> retryAfter;

    RailwayApiException(int status, String code, String platformMessage, Optional<Duration> retryAfter) {
        super("Railway answered " + status + (code.isBlank() ? "" : " " + code), null, false, false);
        this.status = status;
        this.code = code;
        this.platformMessage = platformMessage;
        this.retryAfter = retryAfter;
    }

    static Optional<Duration> retryAfter(String header) {
        return PlatformCallPolicy.parseRetryAfter(header);
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    boolean notAuthorized() {
        return status == 401 || status == 403 || "Not Authorized".equalsIgnoreCase(platformMessage)
                || "invalid_grant".equals(code) || "invalid_token".equals(code);
    }
}
