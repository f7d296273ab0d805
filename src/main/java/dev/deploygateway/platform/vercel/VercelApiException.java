package dev.deploygateway.platform.vercel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.deploygateway.platform.PlatformApiException;
import dev.deploygateway.platform.PlatformCallPolicy;
import dev.deploygateway.platform.PlatformId;

/**
 * A non-2xx answer from Vercel, decoded from {@code {"error":{"code","message",…}}} (also unwrapped, and the
 * OAuth {@code {"error":"…","error_description":"…"}} form), with the {@code missing} files of the upload protocol.
 * Package-private: {@link VercelErrors} turns it into the gateway's {@code PlatformException}.
 */
final class VercelApiException extends PlatformApiException {

    final List<String> missing;

    VercelApiException(int status, String code, String platformMessage, List<String> missing,
            Optional<Duration> retryAfter) {
        super(PlatformId.VERCEL, status, code, platformMessage, retryAfter);
        this.missing = List.copyOf(missing);
    }

    static VercelApiException from(int status, String body, String retryAfterHeader) {
        JsonNode root = parseBody(body);
        JsonNode error = root.path("error").isObject() ? root.get("error") : root;
        String code = error.path("code").asText(root.path("error").isTextual() ? root.get("error").asText() : "");
        String message = error.path("message").asText(root.path("error_description").asText(""));
        List<String> missing = new ArrayList<>();
        error.path("missing").forEach(m -> missing.add(m.asText()));
        return new VercelApiException(status, code.isEmpty() ? "http_" + status : code, message, missing,
                PlatformCallPolicy.parseRetryAfter(retryAfterHeader));
    }

    boolean missingFiles() {
        return status() == 400 && "missing_files".equals(code());
    }
}
