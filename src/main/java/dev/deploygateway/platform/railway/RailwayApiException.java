package dev.deploygateway.platform.railway;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.deploygateway.platform.PlatformApiException;
import dev.deploygateway.platform.PlatformCallPolicy;
import dev.deploygateway.platform.PlatformId;

/**
 * What Railway answered when it did not do what was asked: an HTTP status (GraphQL errors arrive with 200), the
 * first GraphQL error's message and {@code extensions.code} (or {@code {message}}, or OAuth's {@code error} and
 * {@code error_description}), and {@code Retry-After}. Railway says "Not Authorized" both for a dead token and for
 * a resource the token may not see, and reports unknown ids in the message.
 */
final class RailwayApiException extends PlatformApiException {

    RailwayApiException(int status, String code, String platformMessage, Optional<Duration> retryAfter) {
        super(PlatformId.RAILWAY, status, code, platformMessage, retryAfter);
    }

    /** Decodes a non-2xx answer of any of Railway's endpoints. */
    static RailwayApiException from(int status, String body, String retryAfterHeader) {
        JsonNode root = parseBody(body);
        JsonNode firstError = root.path("errors").path(0);
        String code = firstError.path("extensions").path("code").asText(root.path("error").asText(""));
        String message = firstError.path("message").asText(root.path("message")
                .asText(root.path("error_description").asText("")));
        return new RailwayApiException(status, code, message, PlatformCallPolicy.parseRetryAfter(retryAfterHeader));
    }

    @Override
    public boolean rejectsCredential() {
        return super.rejectsCredential() || "Not Authorized".equalsIgnoreCase(platformMessage());
    }

    @Override
    public boolean notFound() {
        return super.notFound() || platformMessage().toLowerCase(Locale.ROOT).contains("not found");
    }
}
