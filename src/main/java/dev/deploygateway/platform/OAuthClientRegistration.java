package dev.deploygateway.platform;

import java.util.Locale;
import java.util.Optional;

import dev.deploygateway.config.OAuthClientsConfig;
import dev.deploygateway.config.RuntimeProfile;
import dev.deploygateway.error.ErrorCode;

/**
 * The OAuth client a platform's {@link PlatformOAuth} presents: the registered {@code <PLATFORM>_CLIENT_ID} (and
 * secret, absent for public "Native" clients), or, where demo features are on, the sandbox's permissive client id.
 * Decided by the runtime profile, not the launch mode, so a packaged jar run with {@code QUARKUS_PROFILE=demo}
 * talks to the sandbox like dev mode does.
 */
public final class OAuthClientRegistration {

    /** The client id the sandboxes accept without registration. */
    public static final String SANDBOX_CLIENT_ID = "deploy-gateway-sandbox";

    private final PlatformId platform;
    private final OAuthClientsConfig.OAuthClient client;
    private final RuntimeProfile profile;

    public OAuthClientRegistration(PlatformId platform, OAuthClientsConfig.OAuthClient client, RuntimeProfile profile) {
        this.platform = platform;
        this.client = client;
        this.profile = profile;
    }

    /** The client id; without one, the sandbox's where demo features are on, else PLATFORM_UNAVAILABLE. */
    public String clientId() {
        return client.clientId().filter(id -> !id.isBlank()).orElseGet(() -> {
            if (!profile.demoFeaturesEnabled()) {
                throw PlatformException.of(ErrorCode.PLATFORM_UNAVAILABLE, platform, PlatformStep.AUTH, false,
                        Platforms.displayName(platform) + " OAuth is not configured ("
                                + platform.name().toUpperCase(Locale.ROOT) + "_CLIENT_ID)");
            }
            return SANDBOX_CLIENT_ID;
        });
    }

    /** The client secret; empty for a public client (PKCE only), which must then send no secret at all. */
    public Optional<String> clientSecret() {
        return client.clientSecret().filter(s -> !s.isBlank());
    }
}
