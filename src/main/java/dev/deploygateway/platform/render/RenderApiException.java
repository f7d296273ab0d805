package dev.deploygateway.platform.render;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import dev.deploygateway.platform.PlatformApiException;
import dev.deploygateway.platform.PlatformCallPolicy;
import dev.deploygateway.platform.PlatformId;

/**
 * What Render answered when it did not do what was asked: {@code {"id","message"}} (an unknown id's 404 has only
 * {@code {"message":"not found: <id>"}}), and on 429 {@code Retry-After}, else {@code Ratelimit-Reset} (observed to
 * be the seconds until the window ends, not an epoch time).
 */
final class RenderApiException extends PlatformApiException {

    RenderApiException(int status, String code, String message, Optional<Duration> retryAfter) {
        super(PlatformId.RENDER, status, code, message, retryAfter);
    }

    static RenderApiException from(int status, String body, UnaryOperator<String> header) {
        JsonNode root = parseBody(body);
        Optional<Duration> retryAfter = PlatformCallPolicy.parseRetryAfter(header.apply("Retry-After"));
        if (retryAfter.isEmpty() && status == 429) {
            retryAfter = PlatformCallPolicy.parseRetryAfter(header.apply("Ratelimit-Reset"));
        }
        return new RenderApiException(status, root.path("id").asText(root.path("code").asText("")),
                root.path("message").asText(""), retryAfter);
    }

    @Override
    public boolean notFound() {
        return super.notFound() || platformMessage().toLowerCase(Locale.ROOT).startsWith("not found");
    }

    /**
     * Whether Render refused because it cannot read the repository (a private one without Render's own GitHub
     * access). The exact wording is UNCONFIRMED: any 4xx about the repo that speaks of access, permission, a private
     * repository or not finding it counts.
     */
    boolean repositoryInaccessible() {
        String message = platformMessage().toLowerCase(Locale.ROOT);
        return status() >= 400 && status() < 500 && status() != 429 && message.contains("repo")
                && (message.contains("access") || message.contains("permission") || message.contains("private")
                        || message.contains("not found") || message.contains("could not"));
    }
}
