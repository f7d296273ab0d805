package dev.deploygateway.platform.railway;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.config.RailwayConfig;
import dev.deploygateway.platform.PlatformCallPolicy;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/** Railway's calls under the shared {@link PlatformCallPolicy} (queries retried; mutations, uploads, tokens never). */
@ApplicationScoped
class RailwayCalls {

    private final PlatformCallPolicy policy;

    RailwayCalls(RailwayConfig config) {
        this.policy = new PlatformCallPolicy("Railway",
                () -> new PlatformCallPolicy.Limits(config.callTimeout(), config.maxAttempts(), config.maxRetryAfter(),
                        config.retryBackoff()),
                failure -> failure instanceof RailwayApiException api
                        ? Optional.of(new PlatformCallPolicy.HttpAnswer(api.status, api.retryAfter))
                        : Optional.empty(),
                RailwayErrors::map);
    }

    <T> Uni<T> idempotent(PlatformStep step, Supplier<Uni<T>> call) {
        return policy.idempotent(step, call);
    }

    <T> Uni<T> once(PlatformStep step, Supplier<Uni<T>> call) {
        return policy.once(step, call);
    }
}
