package dev.deploygateway.deployment;

import java.time.Duration;

import dev.deploygateway.store.StoreUnavailableException;
import io.smallrye.mutiny.Uni;

/**
 * A running deployment's reads of the store (its credential, its cancel flag, its lease) wait out a store that
 * cannot answer now — down, slow, or this instance saturated — instead of failing the deployment: the journal
 * waits the same way, and the run's deadline bounds it all.
 */
final class StoreRetry {

    private static final Duration FIRST = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(2);

    private StoreRetry() {
    }

    static <T> Uni<T> untilAnswered(Uni<T> read) {
        return read.onFailure(StoreUnavailableException.class).retry().withBackOff(FIRST, MAX).indefinitely();
    }
}
