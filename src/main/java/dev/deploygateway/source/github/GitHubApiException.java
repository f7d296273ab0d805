package dev.deploygateway.source.github;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

import dev.deploygateway.platform.PlatformApiException;
import dev.deploygateway.platform.PlatformCallPolicy;
import dev.deploygateway.platform.PlatformId;

/**
 * What GitHub answered when it did not do what was asked: {@code {"message","documentation_url","errors"}} on the
 * API, {@code {"error","error_description"}} (with HTTP 200) on the token endpoint. GitHub answers a rate limit with
 * 403 or 429: either way it is reported as 429 here, with the wait GitHub asks for ({@code retry-after}, else until
 * {@code x-ratelimit-reset} when the primary limit is spent, else the minute GitHub recommends), so the shared call
 * policy waits it out or reports RATE_LIMITED instead of taking it for a refused token.
 */
final class GitHubApiException extends PlatformApiException {

    /** OAuth errors that mean the code or refresh token is dead: the user must authorise again. */
    private static final Set<String> DEAD_GRANT = Set.of("bad_verification_code", "bad_refresh_token",
            "incorrect_client_credentials", "redirect_uri_mismatch", "invalid_grant");

    private final int httpStatus;
    private final boolean rateLimited;

    private GitHubApiException(int httpStatus, boolean rateLimited, String code, String message,
            Optional<Duration> retryAfter) {
        super(PlatformId.GITHUB, rateLimited ? 429 : httpStatus, code, message, retryAfter);
        this.httpStatus = httpStatus;
        this.rateLimited = rateLimited;
    }

    /** Decodes a non-2xx answer; {@code header} reads one response header (null when absent). */
    static GitHubApiException from(int status, String body, UnaryOperator<String> header) {
        JsonNode root = parseBody(body);
        String message = root.path("message").asText(root.path("error_description").asText(""));
        JsonNode firstError = root.path("errors").path(0);
        if (firstError.path("message").isTextual()) {
            message = message + ": " + firstError.path("message").asText();
        }
        Optional<Duration> retryAfter = PlatformCallPolicy.parseRetryAfter(header.apply("retry-after"));
        boolean spent = "0".equals(header.apply("x-ratelimit-remaining"));
        boolean limited = status == 429 || (status == 403 && (spent || retryAfter.isPresent()
                || message.toLowerCase(Locale.ROOT).contains("rate limit")));
        if (limited && retryAfter.isEmpty()) {
            retryAfter = spent ? untilReset(header.apply("x-ratelimit-reset")) : Optional.of(Duration.ofMinutes(1));
        }
        return new GitHubApiException(status, limited, root.path("error").asText(""), message, retryAfter);
    }

    /** The token endpoint's in-band error ({@code 200 {"error": …}}). */
    static GitHubApiException oauth(String error, String description) {
        return new GitHubApiException(400, false, error, description == null ? "" : description, Optional.empty());
    }

    private static Optional<Duration> untilReset(String reset) {
        try {
            long seconds = Long.parseLong(reset.trim()) - Instant.now().getEpochSecond();
            return Optional.of(Duration.ofSeconds(Math.max(1, seconds)));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.of(Duration.ofMinutes(1));
        }
    }

    /** The status GitHub really sent (a rate limit's 403 included). */
    int httpStatus() {
        return httpStatus;
    }

    boolean rateLimited() {
        return rateLimited;
    }

    /**
     * Only a dead token (401) or a dead grant: a 403 is a rate limit or a repository the token may not touch,
     * which a reconnect would not change.
     */
    @Override
    public boolean rejectsCredential() {
        return !rateLimited && (httpStatus == 401 || DEAD_GRANT.contains(code()));
    }
}
