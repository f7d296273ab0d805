package dev.deploygateway.store;

import java.time.Duration;

import dev.deploygateway.error.ErrorCode;

/**
 * This instance has more Redis commands waiting for a connection than it can serve within
 * {@code gateway.store.pool-wait-timeout}: load is shed with 503 {@code SERVICE_SATURATED} and
 * {@code Retry-After} while Redis itself is healthy. Unlike an outage it never counts towards the circuit
 * breaker, so a burst cannot open it.
 */
public final class StoreSaturatedException extends StoreUnavailableException {

    public StoreSaturatedException(Duration retryAfter) {
        super(ErrorCode.SERVICE_SATURATED, "This instance is at capacity; retry shortly.", retryAfter, null);
    }
}
