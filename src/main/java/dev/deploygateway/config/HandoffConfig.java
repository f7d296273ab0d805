package dev.deploygateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The hand-off from a code generator: where its deploy links may send the user back, and registered sources. */
@ConfigMapping(prefix = "gateway.handoff")
public interface HandoffConfig {

    /**
     * {@code HANDOFF_REDIRECT_ORIGINS}: the origins ({@code scheme://host[:port]}, comma-separated) a hand-off link's
     * {@code redirectUrl} may return the user to, which the page also posts the outcome to and which may embed
     * {@code /deploy} in a frame. Unset: no link may redirect (the deployment still works, the user stays here).
     */
    Optional<List<String>> redirectOrigins();

    /** {@code HANDOFF_SOURCE_TTL}: how long a source registered with {@code POST /api/v1/sources} can be deployed. */
    @WithDefault("1h")
    Duration sourceTtl();

    /**
     * {@code HANDOFF_SOURCE_MAX_BYTES}: the largest registered source (all files, uncompressed); it is kept in the
     * shared store until it expires, so this is lower than the limit on a project sent with its deployment.
     */
    @WithDefault("20M")
    MemorySize sourceMaxBytes();
}
