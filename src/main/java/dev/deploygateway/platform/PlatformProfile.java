package dev.deploygateway.platform;

import java.util.Optional;

/**
 * What a platform is, apart from what it does: its id, what it offers, its project-name rule, its upload limits and
 * its OAuth flow when it has one. An adapter builds it once; the SPI's defaults read from it.
 */
public record PlatformProfile(PlatformId id, PlatformCapabilities capabilities, ProjectNameRule naming,
        SourceLimits limits, Optional<PlatformOAuth> oauth) {

    /** A platform connected with an API token only. */
    public PlatformProfile(PlatformId id, PlatformCapabilities capabilities, ProjectNameRule naming,
            SourceLimits limits) {
        this(id, capabilities, naming, limits, Optional.empty());
    }
}
