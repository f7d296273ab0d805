package dev.deploygateway.error;

/**
 * Stable machine-readable codes carried in every problem+json body as {@code code}. Clients switch on these,
 * so a code is never renamed or reused for another meaning.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Request validation failed"),
    MALFORMED_REQUEST(400, "Malformed request body"),
    OAUTH_STATE_INVALID(400, "Unknown, used or expired authorization state"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    CSRF_REJECTED(403, "Cross-site request rejected"),
    CORS_REJECTED(403, "Cross-origin request rejected"),
    NOT_FOUND(404, "Not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    PLATFORM_NOT_CONNECTED(409, "Platform not connected"),
    RECONNECT_REQUIRED(409, "Platform connection must be renewed"),
    PROJECT_NAME_TAKEN(409, "Project name taken"),
    REPOSITORY_NAME_TAKEN(409, "Repository name taken"),
    SOURCE_PUSH_CONFLICT(409, "The branch changed during the push"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    RATE_LIMITED(429, "Too many deployments"),
    UPLOAD_REJECTED(422, "Upload rejected by the platform"),
    BUILD_FAILED(422, "Build failed"),
    UNSUPPORTED_BY_PLATFORM(422, "Not supported by this platform"),
    PLATFORM_TOKEN_REJECTED(422, "The platform rejected the token"),
    REPOSITORY_ACCESS_REQUIRED(422, "The platform cannot read the repository"),
    INTERNAL_ERROR(500, "Internal error"),
    PLATFORM_UNAVAILABLE(502, "Platform unavailable"),
    STORE_UNAVAILABLE(503, "Shared store unavailable"),
    SERVICE_SATURATED(503, "Instance at capacity"),
    TIMED_OUT(504, "Timed out");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    /** The HTTP status this code is answered with when it reaches a client directly. */
    public int status() {
        return status;
    }

    /** A short human-readable summary that does not change between occurrences. */
    public String title() {
        return title;
    }
}
