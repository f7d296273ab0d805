package dev.deploygateway.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A platform's non-2xx answer (or an in-band error such as GraphQL's {@code errors}), decoded by the platform's
 * client: status, the platform's own code and message, and {@code Retry-After}. Internal to the platform rooms;
 * {@link PlatformErrors} turns it into a {@link PlatformException}. Never carries a token: platforms do not echo
 * the headers tokens travel in.
 */
public abstract class PlatformApiException extends RuntimeException implements PlatformCallPolicy.HttpFailure {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String code;
    private final String platformMessage;
    private final Optional<Duration> retryAfter;

    protected PlatformApiException(PlatformId platform, int status, String code, String platformMessage,
            Optional<Duration> retryAfter) {
        super(Platforms.displayName(platform) + " answered " + status + (code.isBlank() ? "" : " " + code), null,
                false, false);
        this.status = status;
        this.code = code;
        this.platformMessage = platformMessage;
        this.retryAfter = retryAfter;
    }

    /** An error body as a tree: empty for no body or one that is not JSON (an HTML error page, say). */
    protected static JsonNode parseBody(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException notJson) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** The platform's own error code; may be empty. */
    public String code() {
        return code;
    }

    /** The platform's own error message; may be empty. */
    public String platformMessage() {
        return platformMessage;
    }

    /** Whether the platform refused the credential itself (dead token, revoked grant, no access). */
    public boolean rejectsCredential() {
        return status == 401 || status == 403 || "invalid_grant".equals(code) || "invalid_token".equals(code);
    }

    /** Whether the platform does not know the resource. */
    public boolean notFound() {
        return status == 404;
    }
}
