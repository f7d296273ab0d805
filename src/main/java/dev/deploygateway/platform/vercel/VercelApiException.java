package dev.deploygateway.platform.vercel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.platform.PlatformCallPolicy;

/**
 * A non-2xx answer from Vercel, decoded from {@code {"error":{"code","message",…}}} (also unwrapped, and the
 * OAuth {@code {"error":"…","error_description":"…"}} form). Package-private: {@link VercelErrors} turns it into
 * the gateway's {@code PlatformException}.
 */
final class VercelApiException extends RuntimeException implements PlatformCallPolicy.HttpFailure {

    private static final ObjectMapper JSON = new ObjectMapper();

    final int status;
    final String code;
    final String platformMessage;
    final List<String> missing;
    final boolean invalidToken;
    final Optional<Duration> retryAfter;

    VercelApiException(int status, String code, String platformMessage, List<String> missing, boolean invalidToken,
            Optional<Duration> retryAfter) {
        super("Vercel answered " + status + " " + code);
        this.status = status;
        this.code = code;
        this.platformMessage = platformMessage;
        this.missing = List.copyOf(missing);
        this.invalidToken = invalidToken;
        this.retryAfter = retryAfter;
    }

    static VercelApiException from(int status, String body, String retryAfterHeader) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (Exception e) {
            root = JSON.createObjectNode();
        }
        JsonNode error = root.path("error").isObject() ? root.get("error") : root;
        String code = error.path("code").asText(root.path("error").isTextual() ? root.get("error").asText() : "");
        String message = error.path("message").asText(root.path("error_description").asText(""));
        List<String> missing = new ArrayList<>();
        error.path("missing").forEach(m -> missing.add(m.asText()));
        return new VercelApiException(status, code.isEmpty() ? "http_" + status : code, message, missing,
                error.path("invalidToken").asBoolean(false), parseRetryAfter(retryAfterHeader));
    }

    static Optional<Duration> parseRetryAfter(String header) {
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

    boolean missingFiles() {
        return status == 400 && "missing_files".equals(code);
    }
}
