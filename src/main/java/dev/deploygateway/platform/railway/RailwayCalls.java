package dev.deploygateway.platform.railway;

import jakarta.inject.Singleton;

import dev.deploygateway.config.RailwayConfig;
import dev.deploygateway.platform.PlatformCallPolicy;
import dev.deploygateway.platform.PlatformErrors;
import dev.deploygateway.platform.PlatformId;

/** Railway's calls under the shared {@link PlatformCallPolicy} (queries retried; mutations, uploads, tokens never). */
@Singleton
class RailwayCalls extends PlatformCallPolicy {

    RailwayCalls(RailwayConfig config) {
        super(PlatformId.RAILWAY, config.calls(),
                (step, failure) -> PlatformErrors.map(PlatformId.RAILWAY, step, failure));
    }
}
