package dev.deploygateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits the gateway enforces on the HTTP router itself, so that their refusals are problem+json. */
@ConfigMapping(prefix = "gateway.http")
public interface HttpGuardsConfig {

    /**
     * {@code MAX_URI_LENGTH}: longest request target (path and query) in characters; a longer one gets 414
     * {@code URI_TOO_LONG}. Keep it well below {@code quarkus.http.limits.max-initial-line-length}: beyond that,
     * Vert.x's HTTP codec refuses the request line itself with an empty 414 before any handler runs.
     */
    @WithDefault("4096")
    int maxUriLength();
}
