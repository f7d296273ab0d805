package dev.deploygateway.platform.railway;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.platform.PlatformCallPolicy;

/**
 * What Railway answered when it did not do what was asked: an HTTP status (GraphQL errors arrive with 200), the
 * first GraphQL error's message and {@code extensions.code} (or {@code {message}}, or OAuth's {@code error} and
 * {@code error_description}), and {@code Retry-After}. Internal to the client; mapped to {@code PlatformException}
 * by {@link RailwayErrors}. Never carries a token: Railway does not echo headers.
 */
final class RailwayApiException extends RuntimeException implements PlatformCallPolicy.HttpFailure {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    /** Decodes a non-2xx answer of any of Railway's endpoints. */
    static RailwayApiException from(int status, String body, String retryAfterHeader) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            root = JSON.createObjectNode();
        }
        JsonNode firstError = root.path("errors").path(0);
        String code = firstError.path("extensions").path("code").asText(root.path("error").asText(""));
        String message = firstError.path("message").asText(root.path("message")
                .asText(root.path("error_description").asText("")));
        return new RailwayApiException(status, code, message, PlatformCallPolicy.parseRetryAfter(retryAfterHeader));
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
