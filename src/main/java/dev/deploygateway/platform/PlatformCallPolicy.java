package dev.deploygateway.platform;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import dev.deploygateway.config.PlatformCallConfig;
import io.smallrye.mutiny.Uni;

/**
 * Timeouts and retries for one platform's calls, the same for every platform. A 429 is waited out (its
 * {@code Retry-After}, bounded) for every call, because the platform did not act on a rejected request. 5xx,
 * network errors and timeouts are retried with exponential back-off and jitter only for idempotent calls;
 * non-idempotent ones (creating a deployment, a mutation, an upload, a token request) never are. A platform's
 * client subclasses it once ({@code VercelCalls}, {@code RailwayCalls}) with its configuration and error mapping.
 */
public class PlatformCallPolicy {

    private static final Logger LOG = Logger.getLogger(PlatformCallPolicy.class);

    /** A platform's own API exception for a non-2xx answer: its status and {@code Retry-After}. */
    public interface HttpFailure {
        int status();

        Optional<Duration> retryAfter();
    }

    private final PlatformId platform;
    private final PlatformCallConfig config;
    private final BiFunction<PlatformStep, Throwable, Throwable> mapError;

    /** @param mapError turns a final failure into the gateway's error taxonomy */
    protected PlatformCallPolicy(PlatformId platform, PlatformCallConfig config,
            BiFunction<PlatformStep, Throwable, Throwable> mapError) {
        this.platform = platform;
        this.config = config;
        this.mapError = mapError;
    }

    /** A call that may be repeated without effect (a read, an upsert, an upload by digest). */
    public <T> Uni<T> idempotent(PlatformStep step, Supplier<Uni<T>> call) {
        return attempt(step, call, true, 1);
    }

    /** A call that must reach the platform at most once (beyond a 429, which the platform did not act on). */
    public <T> Uni<T> once(PlatformStep step, Supplier<Uni<T>> call) {
        return attempt(step, call, false, 1);
    }

    /** The configuration this policy follows (stream resumes use its back-off and limit too). */
    public PlatformCallConfig config() {
        return config;
    }

    /** Exponential back-off with jitter: {@code first × 2^(attempt-1)} plus up to half of that. */
    public static Duration backoff(Duration first, int attempt) {
        long base = first.toMillis() << Math.min(10, Math.max(0, attempt - 1));
        return Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    /** {@code Retry-After} as seconds or an HTTP date (RFC 9110 §10.2.3), as the platforms' own clients read it. */
    public static Optional<Duration> parseRetryAfter(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                var at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at)).filter(d -> !d.isNegative());
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private <T> Uni<T> attempt(PlatformStep step, Supplier<Uni<T>> call, boolean idempotent, int attempt) {
        return Uni.createFrom().deferred(() -> call.get())
                .ifNoItem().after(config.callTimeout()).failWith(TimeoutException::new)
                .onFailure().recoverWithUni(failure -> {
                    Optional<Duration> wait = delayBeforeRetry(failure, idempotent, attempt);
                    if (wait.isEmpty()) {
                        return Uni.createFrom().failure(mapError.apply(step, failure));
                    }
                    LOG.debugf("%s %s call failed (%s); retry %d in %d ms", platform.key(), step,
                            failure.getClass().getSimpleName(), attempt, wait.get().toMillis());
                    return Uni.createFrom().voidItem().onItem().delayIt().by(wait.get())
                            .chain(() -> attempt(step, call, idempotent, attempt + 1));
                });
    }

    private Optional<Duration> delayBeforeRetry(Throwable failure, boolean idempotent, int attempt) {
        if (attempt >= config.maxAttempts()) {
            return Optional.empty();
        }
        if (failure instanceof HttpFailure answer) {
            if (answer.status() == 429) {
                Duration wait = answer.retryAfter().orElse(Duration.ofSeconds(1));
                return wait.compareTo(config.maxRetryAfter()) <= 0 ? Optional.of(wait) : Optional.empty();
            }
            if (answer.status() < 500 || !idempotent) {
                return Optional.empty();
            }
        } else if (!idempotent || failure instanceof PlatformException) {
            return Optional.empty();
        }
        return Optional.of(backoff(config.retryBackoff(), attempt));
    }
}
