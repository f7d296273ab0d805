package dev.deploygateway.platform.vercel;

import jakarta.inject.Singleton;

import dev.deploygateway.config.VercelConfig;
import dev.deploygateway.platform.PlatformCallPolicy;
import dev.deploygateway.platform.PlatformId;

/** Vercel's calls under the shared {@link PlatformCallPolicy} (deployment and project creation are never retried). */
@Singleton
class VercelCalls extends PlatformCallPolicy {

    VercelCalls(VercelConfig config) {
        super(PlatformId.VERCEL, config.calls(), VercelErrors::map);
    }
}
