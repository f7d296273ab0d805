package dev.deploygateway.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/**
 * Timeouts and retries for one platform's calls, the same for every platform. A 429 is waited out (its
 * {@code Retry-After}, bounded) for every call, because the platform did not act on a rejected request. 5xx,
 * network errors and timeouts are retried with exponential back-off and jitter only for idempotent calls;
 * non-idempotent ones (creating a deployment, a mutation, an upload, a token request) never are.
 */
public final class PlatformCallPolicy {

    private static final Logger LOG = Logger.getLogger(PlatformCallPolicy.class);

    /** The limits, read per call so they follow configuration. */
    public record Limits(Duration callTimeout, int maxAttempts, Duration maxRetryAfter, Duration retryBackoff) {
    }

    /** What a failed call's HTTP answer said: its status and {@code Retry-After}, when there was an answer. */
    public record HttpAnswer(int status, Optional<Duration> retryAfter) {
    }

    private final String platform;
    private final Supplier<Limits> limits;
    private final Function<Throwable, Optional<HttpAnswer>> answerOf;
    private final BiFunction<PlatformStep, Throwable, Throwable> mapError;

    /**
     * @param answerOf the HTTP answer carried by a platform's own API exception, empty for other failures
     * @param mapError turns a final failure into the gateway's error taxonomy
     */
    public PlatformCallPolicy(String platform, Supplier<Limits> limits,
            Function<Throwable, Optional<HttpAnswer>> answerOf, BiFunction<PlatformStep, Throwable, Throwable> mapError) {
        this.platform = platform;
        this.limits = limits;
        this.answerOf = answerOf;
        this.mapError = mapError;
    }

    public <T> Uni<T> idempotent(PlatformStep step, Supplier<Uni<T>> call) {
        return attempt(step, call, true, 1);
    }

    public <T> Uni<T> once(PlatformStep step, Supplier<Uni<T>> call) {
        return attempt(step, call, false, 1);
    }

    /** Exponential back-off with jitter: {@code first × 2^(attempt-1)} plus up to half of that. */
    public static Duration backoff(Duration first, int attempt) {
        long base = first.toMillis() << Math.min(10, attempt - 1);
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private <T> Uni<T> attempt(PlatformStep step, Supplier<Uni<T>> call, boolean idempotent, int attempt) {
        Limits current = limits.get();
        return Uni.createFrom().deferred(() -> call.get())
                .ifNoItem().after(current.callTimeout()).failWith(TimeoutException::new)
                .onFailure().recoverWithUni(failure -> {
                    Optional<Duration> wait = delayBeforeRetry(current, failure, idempotent, attempt);
                    if (wait.isEmpty()) {
                        return Uni.createFrom().failure(mapError.apply(step, failure));
                    }
                    LOG.debugf("%s %s call failed (%s); retry %d in %d ms", platform, step,
                            failure.getClass().getSimpleName(), attempt, wait.get().toMillis());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(wait.get())
                            .chain(() -> attempt(step, call, idempotent, attempt + 1));
                });
    }

    private Optional<Duration> delayBeforeRetry(Limits current, Throwable failure, boolean idempotent, int attempt) {
        if (attempt >= current.maxAttempts()) {
            return Optional.empty();
        }
        Optional<HttpAnswer> answer = answerOf.apply(failure);
        if (answer.isPresent()) {
            if (answer.get().status() == 429) {
                Duration wait = answer.get().retryAfter().orElse(Duration.ofSeconds(1));
                return wait.compareTo(current.maxRetryAfter()) <= 0 ? Optional.of(wait) : Optional.empty();
            }
            if (answer.get().status() < 500 || !idempotent) {
                return Optional.empty();
            }
        } else if (!idempotent || failure instanceof PlatformException) {
            return Optional.empty();
        }
        return Optional.of(backoff(current.retryBackoff(), attempt));
    }
}
