package dev.deploygateway.platform.render;

import java.util.Optional;

import jakarta.inject.Singleton;

import dev.deploygateway.config.RenderConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformCallPolicy;
import dev.deploygateway.platform.PlatformErrors;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;

/**
 * Render's calls under the shared {@link PlatformCallPolicy} (reads and env upserts retried; creating a service, a
 * deploy or a database never), mapped by the shared {@link PlatformErrors} plus what only Render says: that it
 * cannot read the repository, and that its per-endpoint creation limit was reached.
 */
@Singleton
class RenderCalls extends PlatformCallPolicy {

    RenderCalls(RenderConfig config) {
        super(PlatformId.RENDER, config.calls(), RenderCalls::map);
    }

    static PlatformException map(PlatformStep step, Throwable failure) {
        if (failure instanceof RenderApiException api && api.repositoryInaccessible()) {
            return new PlatformException(ErrorCode.REPOSITORY_ACCESS_REQUIRED, PlatformId.RENDER, step, false,
                    "Render cannot read the repository. In Render's dashboard, connect GitHub (Account Settings → Git "
                            + "Providers) and give Render access to this repository, or deploy with "
                            + "source.visibility \"public\"; then deploy again",
                    Optional.of(api.code()).filter(c -> !c.isBlank()), Optional.of(api.platformMessage()),
                    Optional.empty(), api);
        }
        PlatformException mapped = PlatformErrors.map(PlatformId.RENDER, step, failure);
        if (mapped.code() == ErrorCode.RATE_LIMITED && step == PlatformStep.CREATE) {
            // POST /v1/services and /v1/postgres allow 20 per hour: the wait is usually long, the cause specific.
            return new PlatformException(ErrorCode.RATE_LIMITED, PlatformId.RENDER, step, true, "Render's limit on "
                    + "creating services and databases (20 an hour per workspace) was reached; deploy again after "
                    + "the Retry-After time", mapped.platformCode(), mapped.platformMessage(), mapped.retryAfter(),
                    failure);
        }
        return mapped;
    }
}
