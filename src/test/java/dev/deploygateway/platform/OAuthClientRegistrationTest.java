package dev.deploygateway.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.deploygateway.config.OAuthClientsConfig;
import dev.deploygateway.config.RuntimeProfile;
import dev.deploygateway.error.ErrorCode;

/**
 * Which OAuth client a platform presents. Runs outside Quarkus, where the launch mode is NORMAL like a packaged
 * jar's: the sandbox client must follow the runtime profile (QUARKUS_PROFILE=demo), not the launch mode.
 */
class OAuthClientRegistrationTest {

    private static final RuntimeProfile DEMO = RuntimeProfile.forProfiles("demo");
    private static final RuntimeProfile PROD = RuntimeProfile.forProfiles("prod");

    @Test
    void withoutAClientIdAPackagedDemoUsesTheSandboxClient() {
        var registration = new OAuthClientRegistration(PlatformId.RAILWAY, client(null, null), DEMO);
        assertThat(registration.clientId()).isEqualTo(OAuthClientRegistration.SANDBOX_CLIENT_ID);
        assertThat(registration.clientSecret()).isEmpty();
    }

    @Test
    void withoutAClientIdProdIsNotConfigured() {
        var registration = new OAuthClientRegistration(PlatformId.RAILWAY, client(" ", null), PROD);
        assertThatThrownBy(registration::clientId).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PLATFORM_UNAVAILABLE);
            assertThat(e.getMessage()).contains("Railway OAuth is not configured (RAILWAY_CLIENT_ID)");
        });
    }

    @Test
    void onlyAWebClientHasASecret() {
        var registration = new OAuthClientRegistration(PlatformId.RAILWAY, client("native-app", ""), PROD);
        assertThat(registration.clientId()).isEqualTo("native-app");
        assertThat(registration.clientSecret()).isEmpty();
        var web = new OAuthClientRegistration(PlatformId.RAILWAY, client("web-app", "s3cret"), PROD);
        assertThat(web.clientSecret()).contains("s3cret");
    }

    private static OAuthClientsConfig.OAuthClient client(String id, String secret) {
        return new OAuthClientsConfig.OAuthClient() {
            @Override
            public Optional<String> clientId() {
                return Optional.ofNullable(id);
            }

            @Override
            public Optional<String> clientSecret() {
                return Optional.ofNullable(secret);
            }

            @Override
            public Optional<URI> callbackUrl() {
                return Optional.empty();
            }
        };
    }
}
