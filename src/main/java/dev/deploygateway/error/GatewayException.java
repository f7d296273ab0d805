package dev.deploygateway.error;

import java.util.Map;

/**
 * A failure the client is told about. The message becomes the problem's {@code detail} and must never contain
 * a secret (token, key, cookie, ciphertext). {@link #extensions()} become extra members of the problem body and
 * {@link #headers()} extra response headers (e.g. {@code Retry-After}).
 */
public class GatewayException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public GatewayException(ErrorCode code, String detail) {
        this(code, detail, Map.of(), Map.of(), null);
    }

    public GatewayException(ErrorCode code, String detail, Map<String, Object> extensions,
            Map<String, String> headers, Throwable cause) {
        // No stack trace capture cost matters here; keep it for logs of 5xx causes.
        super(detail, cause);
        this.code = code;
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    public ErrorCode code() {
        return code;
    }

    /** HTTP status; defaults to the code's own status. */
    public int status() {
        return code.status();
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
