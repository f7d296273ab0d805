package dev.deploygateway.platform.railway;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.deploygateway.config.RailwayConfig;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/**
 * Timeouts and retries for Railway calls. A 429 is waited out (its {@code Retry-After}, bounded) for every call,
 * because Railway did not act on a rejected request. 5xx, network errors and timeouts are retried with exponential
 * back-off and jitter only for idempotent calls (queries); mutations, uploads and token requests never are.
 */
@ApplicationScoped
class RailwayCalls {

    private static final Logger LOG = Logger.getLogger(RailwayCalls.class);

    private final RailwayConfig config;

    RailwayCalls(RailwayConfig config) {
        this.config = config;
    }

    <T> Uni<T> idempotent(PlatformStep step, Supplier<Uni<T>> call) {
        return attempt(step, call, true, 1);
    }

    <T> Uni<T> once(PlatformStep step, Supplier<Uni<T>> call) {
        return attempt(step, call, false, 1);
    }

    private <T> Uni<T> attempt(PlatformStep step, Supplier<Uni<T>> call, boolean idempotent, int attempt) {
        return Uni.createFrom().deferred(() -> call.get())
                .ifNoItem().after(config.callTimeout()).failWith(TimeoutException::new)
                .onFailure().recoverWithUni(failure -> {
                    Optional<Duration> wait = delayBeforeRetry(failure, idempotent, attempt);
                    if (wait.isEmpty()) {
                        return Uni.createFrom().failure(RailwayErrors.map(step, failure));
                    }
                    LOG.debugf("Railway %s call failed (%s); retry %d in %d ms", step,
                            failure.getClass().getSimpleName(), attempt, wait.get().toMillis());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(wait.get())
                            .chain(() -> attempt(step, call, idempotent, attempt + 1));
                });
    }

    private Optional<Duration> delayBeforeRetry(Throwable failure, boolean idempotent, int attempt) {
        if (attempt >= config.maxAttempts()) {
            return Optional.empty();
        }
        if (failure instanceof RailwayApiException api) {
            if (api.status == 429) {
                Duration wait = api.retryAfter.orElse(Duration.ofSeconds(1));
                return wait.compareTo(config.maxRetryAfter()) <= 0 ? Optional.of(wait) : Optional.empty();
            }
            if (api.status < 500 || !idempotent) {
                return Optional.empty();
            }
        } else if (!idempotent || failure instanceof dev.deploygateway.platform.PlatformException) {
            return Optional.empty();
        }
        return Optional.of(backoff(config.retryBackoff(), attempt));
    }

    static Duration backoff(Duration first, int attempt) {
        long base = first.toMillis() << Math.min(10, attempt - 1);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }
}
