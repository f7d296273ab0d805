package dev.deploygateway.store;

import java.time.Duration;
import java.util.Map;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;

/**
 * The shared store could not answer in time (down, unreachable, too slow, or the circuit breaker is open).
 * Rendered as 503 {@code STORE_UNAVAILABLE} with {@code Retry-After}. The message never names the Redis URL,
 * which may carry a password.
 */
public class StoreUnavailableException extends GatewayException {

    public StoreUnavailableException(Duration retryAfter, Throwable cause) {
        this(ErrorCode.STORE_UNAVAILABLE, "The shared store is temporarily unavailable; retry later.", retryAfter,
                cause);
    }

    protected StoreUnavailableException(ErrorCode code, String message, Duration retryAfter, Throwable cause) {
        super(code, message, Map.of("retryAfterSeconds", seconds(retryAfter)),
                Map.of("Retry-After", Long.toString(seconds(retryAfter))), cause);
    }

    private static long seconds(Duration d) {
        // Retry-After is whole seconds; never tell a client 0 while the store is down.
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }
}
