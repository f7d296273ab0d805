package dev.deploygateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConfigProblemsTest {

    private static final String KEY = "0123456789abcdef".repeat(4);

    @Test
    void aCompleteProdConfigurationHasNoProblems() {
        assertThat(find(true, tokens(KEY), clients(null), 10, 300_000, "keys/jwt.pem")).isEmpty();
    }

    @Test
    void prodWithoutTokenKeyNamesTheVariableWithItsOpensslCommand() {
        assertThat(find(true, tokens(null), clients(null), 10, 300_000, "keys/jwt.pem"))
                .singleElement().asString()
                .contains("TOKEN_ENCRYPTION_KEY").contains("openssl rand -hex 32");
    }

    @Test
    void devWithoutTokenKeyIsAllowed() {
        assertThat(find(false, tokens(null), clients(null), 10, 300_000, null)).isEmpty();
    }

    @Test
    void shortOrNonHexKeysAreRejectedWithoutEchoingThem() {
        String shortKey = KEY.substring(1);
        String nonHex = "zz" + KEY.substring(2);
        assertThat(find(false, tokens(shortKey), clients(null), 10, 300_000, null)).singleElement().asString()
                .contains("TOKEN_ENCRYPTION_KEY").contains("63 characters").doesNotContain(shortKey);
        assertThat(find(false, tokens(nonHex), clients(null), 10, 300_000, null)).singleElement().asString()
                .contains("non-hex").doesNotContain(nonHex);
    }

    @Test
    void badPreviousKeysAreReportedByPosition() {
        TokenEncryptionConfig config = new TokenEncryptionConfig() {
            public Optional<String> key() {
                return Optional.of(KEY);
            }
            public Optional<List<String>> previousKeys() {
                return Optional.of(List.of(KEY, "abc"));
            }
        };
        assertThat(find(false, config, clients(null), 10, 300_000, null)).singleElement().asString()
                .contains("TOKEN_ENCRYPTION_PREVIOUS_KEYS entry 2").doesNotContain("abc\"");
    }

    @Test
    void callbackUrlsMustBeHttpsExceptForLocalhost() {
        assertThat(find(false, tokens(KEY), clients("http://gateway.example.com/cb"), 10, 300_000, null))
                .anySatisfy(p -> assertThat(p).contains("VERCEL_CALLBACK_URL").contains("https"));
        assertThat(find(false, tokens(KEY), clients("http://localhost:8080/cb"), 10, 300_000, null)).isEmpty();
        assertThat(find(false, tokens(KEY), clients("https://gateway.example.com/cb"), 10, 300_000, null)).isEmpty();
    }

    @Test
    void aLeaseRenewedLessOftenThanAThirdOfItsTtlIsRefused() {
        RateLimitConfig rateLimit = new RateLimitConfig() {
            public int maxPerWindow() {
                return 10;
            }
            public Duration window() {
                return Duration.ofHours(1);
            }
        };
        var sameAsTtl = TestDeploymentConfig.defaults().withLease(Duration.ofSeconds(5), Duration.ofSeconds(5));
        var third = TestDeploymentConfig.defaults().withLease(Duration.ofSeconds(15), Duration.ofSeconds(5));

        assertThat(ConfigProblems.find(false, tokens(KEY), clients(null), rateLimit, sameAsTtl, Optional.empty()))
                .singleElement().asString().contains("GATEWAY_DEPLOYMENT_LEASE_RENEW_INTERVAL");
        assertThat(ConfigProblems.find(false, tokens(KEY), clients(null), rateLimit, third, Optional.empty()))
                .isEmpty();
    }

    @Test
    void everyProblemIsListedAtOnce() {
        List<String> problems = find(true, tokens("nope"), clients("ftp://x/cb"), 0, 10, null);
        assertThat(problems).hasSize(5)
                .anySatisfy(p -> assertThat(p).contains("TOKEN_ENCRYPTION_KEY"))
                .anySatisfy(p -> assertThat(p).contains("VERCEL_CALLBACK_URL"))
                .anySatisfy(p -> assertThat(p).contains("MAX_DEPLOYMENTS_PER_HOUR"))
                .anySatisfy(p -> assertThat(p).contains("DEPLOYMENT_TIMEOUT_MS"))
                .anySatisfy(p -> assertThat(p).contains("JWT_PUBLIC_KEY_LOCATION"));
    }

    @Test
    void aClientIdWithoutSecretIsReported() {
        OAuthClientsConfig.OAuthClient half = client(Optional.of("id"), Optional.empty(), Optional.empty());
        OAuthClientsConfig oauth = oauth(half);
        assertThat(find(true, tokens(KEY), oauth, 10, 300_000, "keys/jwt.pem"))
                .anySatisfy(p -> assertThat(p).contains("VERCEL_CLIENT_SECRET"))
                .anySatisfy(p -> assertThat(p).contains("VERCEL_CALLBACK_URL is required"));
    }

    @Test
    void aNativeRailwayAppNeedsOnlyItsClientIdButASecretNeedsAnId() {
        URI callback = URI.create("https://gateway.example.com/api/v1/platforms/railway/callback");
        OAuthClientsConfig.OAuthClient none = client(Optional.empty(), Optional.empty(), Optional.empty());
        OAuthClientsConfig.OAuthClient nativeApp = client(Optional.of("id"), Optional.empty(), Optional.of(callback));
        assertThat(find(true, tokens(KEY), oauth(none, nativeApp), 10, 300_000, "keys/jwt.pem")).isEmpty();
        OAuthClientsConfig.OAuthClient orphanSecret = client(Optional.empty(), Optional.of("s"), Optional.empty());
        assertThat(find(true, tokens(KEY), oauth(none, orphanSecret), 10, 300_000, "keys/jwt.pem"))
                .singleElement().asString().contains("RAILWAY_CLIENT_SECRET is set without RAILWAY_CLIENT_ID");
    }

    private static List<String> find(boolean prod, TokenEncryptionConfig tokens, OAuthClientsConfig oauth, int max,
            long timeoutMs, String jwtKey) {
        RateLimitConfig rateLimit = new RateLimitConfig() {
            public int maxPerWindow() {
                return max;
            }
            public Duration window() {
                return Duration.ofHours(1);
            }
        };
        return ConfigProblems.find(prod, tokens, oauth, rateLimit,
                TestDeploymentConfig.defaults().withTimeoutMs(timeoutMs), Optional.ofNullable(jwtKey));
    }

    private static TokenEncryptionConfig tokens(String key) {
        return new TokenEncryptionConfig() {
            public Optional<String> key() {
                return Optional.ofNullable(key);
            }
            public Optional<List<String>> previousKeys() {
                return Optional.empty();
            }
        };
    }

    private static OAuthClientsConfig clients(String vercelCallback) {
        return oauth(client(Optional.empty(), Optional.empty(), Optional.ofNullable(vercelCallback).map(URI::create)));
    }

    private static OAuthClientsConfig oauth(OAuthClientsConfig.OAuthClient vercel) {
        return oauth(vercel, client(Optional.empty(), Optional.empty(), Optional.empty()));
    }

    private static OAuthClientsConfig oauth(OAuthClientsConfig.OAuthClient vercel,
            OAuthClientsConfig.OAuthClient railway) {
        OAuthClientsConfig.OAuthClient none = client(Optional.empty(), Optional.empty(), Optional.empty());
        return new OAuthClientsConfig() {
            public OAuthClient vercel() {
                return vercel;
            }
            public OAuthClient railway() {
                return railway;
            }
            public OAuthClient render() {
                return none;
            }
            public OAuthClient github() {
                return none;
            }
        };
    }

    private static OAuthClientsConfig.OAuthClient client(Optional<String> id, Optional<String> secret,
            Optional<URI> callback) {
        return new OAuthClientsConfig.OAuthClient() {
            public Optional<String> clientId() {
                return id;
            }
            public Optional<String> clientSecret() {
                return secret;
            }
            public Optional<URI> callbackUrl() {
                return callback;
            }
        };
    }
}
