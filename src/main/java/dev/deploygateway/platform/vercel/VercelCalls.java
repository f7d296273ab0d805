package dev.deploygateway.platform.vercel;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.config.VercelConfig;
import dev.deploygateway.platform.PlatformCallPolicy;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/** Vercel's calls under the shared {@link PlatformCallPolicy} (deployment and project creation are never retried). */
@ApplicationScoped
class VercelCalls {

    private final PlatformCallPolicy policy;

    VercelCalls(VercelConfig config) {
        this.policy = new PlatformCallPolicy("Vercel",
                () -> new PlatformCallPolicy.Limits(config.callTimeout(), config.maxAttempts(), config.maxRetryAfter(),
                        config.retryBackoff()),
                failure -> failure instanceof VercelApiException api
                        ? Optional.of(new PlatformCallPolicy.HttpAnswer(api.status, api.retryAfter))
                        : Optional.empty(),
                VercelErrors::map);
    }

    <T> Uni<T> idempotent(PlatformStep step, Supplier<Uni<T>> call) {
        return policy.idempotent(step, call);
    }

    <T> Uni<T> once(PlatformStep step, Supplier<Uni<T>> call) {
        return policy.once(step, call);
    }
}
