package dev.deploygateway.connection;

import java.util.Locale;
import java.util.Optional;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.platform.PlatformAccount;
import dev.deploygateway.platform.PlatformCapabilities;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformOAuth;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.Platforms;
import io.smallrye.mutiny.Uni;

/**
 * What a user connects an account of: a deployment platform, or a source host that git-only platforms build from
 * (GitHub). The connection room needs only this of either: an id, capabilities, an optional OAuth flow, and a way to
 * ask whose a token is. Platforms are adapted here ({@link #of}); a source host implements it itself (the source room
 * depends on this one, never the other way round). Source-host beans are found as beans of this type.
 */
public interface Connectable {

    /** Deployment platform or source host. */
    enum Kind {
        PLATFORM, SOURCE_HOST;

        /** The name in {@code GET /api/v1/platforms} ({@code kind}). */
        public String key() {
            return this == PLATFORM ? "platform" : "sourceHost";
        }
    }

    PlatformId id();

    Kind kind();

    PlatformCapabilities capabilities();

    Optional<PlatformOAuth> oauth();

    Uni<PlatformAccount> verify(PlatformCredential credential);

    /** "GitHub", "Vercel": the name users know it by. */
    default String displayName() {
        return displayName(id());
    }

    static String displayName(PlatformId id) {
        return id == PlatformId.GITHUB ? "GitHub" : Platforms.displayName(id);
    }

    /** The failure for something this one does not offer. */
    default PlatformException unsupported(String what) {
        return PlatformException.of(ErrorCode.UNSUPPORTED_BY_PLATFORM, id(), PlatformStep.MANAGE, false,
                displayName() + " does not support " + what.toLowerCase(Locale.ROOT) + " through its API");
    }

    static Connectable of(DeploymentPlatform platform) {
        return new OfPlatform(platform);
    }

    /** A deployment platform as something to connect. */
    record OfPlatform(DeploymentPlatform platform) implements Connectable {
        public PlatformId id() {
            return platform.id();
        }

        public Kind kind() {
            return Kind.PLATFORM;
        }

        public PlatformCapabilities capabilities() {
            return platform.capabilities();
        }

        public Optional<PlatformOAuth> oauth() {
            return platform.oauth();
        }

        public Uni<PlatformAccount> verify(PlatformCredential credential) {
            return platform.verify(credential);
        }
    }
}
