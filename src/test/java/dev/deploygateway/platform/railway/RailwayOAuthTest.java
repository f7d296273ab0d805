package dev.deploygateway.platform.railway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.CodeExchange;
import dev.deploygateway.platform.OAuthAuthorization;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformOAuth;
import dev.deploygateway.platform.PlatformTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** "Login with Railway" through the SPI against the sandbox: PKCE, consent-gated refresh tokens, rotation, revoke. */
@QuarkusTest
@WithTestResource(RailwayRecordingProxy.class)
class RailwayOAuthTest extends RailwayContractTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final URI REDIRECT = URI.create("http://localhost:8080/api/v1/connections/railway/callback");

    @Inject
    RailwayPlatform railway;

    private PlatformOAuth oauth() {
        return railway.oauth().orElseThrow();
    }

    @Test
    void theAuthorizeUrlAsksForConsentToOfflineAccessWithS256() {
        URI url = oauth().authorizationUrl(new OAuthAuthorization("st", "ch", REDIRECT, List.of()));
        Map<String, String> query = query(url.getRawQuery());
        assertThat(url.getPath()).endsWith("/oauth/auth");
        assertThat(query).containsEntry("prompt", "consent").containsEntry("code_challenge_method", "S256")
                .containsEntry("code_challenge", "ch").containsEntry("state", "st")
                .containsEntry("response_type", "code").containsEntry("redirect_uri", REDIRECT.toString());
        assertThat(query.get("scope").split(" ")).contains("openid", "offline_access");
        // Make the exchange checks of the base class meaningful for this class too.
        railway.verify(mint("carol")).await().atMost(WAIT);
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeGrant() {
        PlatformTokens first = connect("dave", List.of());
        assertThat(first.refreshToken()).isPresent();
        assertThat(first.expiresAt().orElseThrow()).isBetween(Instant.now().plusSeconds(3000),
                Instant.now().plusSeconds(3700));
        assertThat(railway.verify(first.credential()).await().atMost(WAIT).username()).isEqualTo("dave");

        PlatformTokens second = oauth().refresh(first.refreshToken().get()).await().atMost(WAIT);
        assertThat(second.refreshToken()).isPresent().isNotEqualTo(first.refreshToken());
        assertThat(railway.verify(second.credential()).await().atMost(WAIT).username()).isEqualTo("dave");

        long revokedBefore = stat("revokedGrants");
        assertThatThrownBy(() -> oauth().refresh(first.refreshToken().get()).await().atMost(WAIT))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RECONNECT_REQUIRED));
        assertThat(stat("revokedGrants")).isEqualTo(revokedBefore + 1);
        // The reuse revoked everything of the grant: the newest refresh token and the live access token too.
        assertThatThrownBy(() -> oauth().refresh(second.refreshToken().get()).await().atMost(WAIT))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RECONNECT_REQUIRED));
        assertThatThrownBy(() -> railway.verify(second.credential()).await().atMost(WAIT))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RECONNECT_REQUIRED));
    }

    @Test
    void aGrantWithoutOfflineAccessHasOnlyARevocableAccessToken() {
        PlatformTokens tokens = connect("erin", List.of("openid", "email", "profile", "workspace:member"));
        assertThat(tokens.refreshToken()).isEmpty();
        assertThat(tokens.scopes()).contains("openid", "workspace:member");
        oauth().revoke(tokens.accessToken()).await().atMost(WAIT);
        assertThatThrownBy(() -> railway.verify(tokens.credential()).await().atMost(WAIT))
                .isInstanceOf(PlatformException.class);
    }

    @Test
    void aWrongVerifierOrAReusedCodeIsRejected() {
        String verifier = "v".repeat(50);
        String code = authorize("frank", verifier, List.of());
        assertThatThrownBy(() -> oauth().exchangeCode(new CodeExchange(code, "w".repeat(50), REDIRECT)).await()
                .atMost(WAIT)).isInstanceOf(PlatformException.class);
        // The failed attempt consumed the code: single use.
        assertThatThrownBy(() -> oauth().exchangeCode(new CodeExchange(code, verifier, REDIRECT)).await()
                .atMost(WAIT)).isInstanceOf(PlatformException.class);
        railway.verify(mint("frank")).await().atMost(WAIT);
    }

    PlatformTokens connect(String user, List<String> scopes) {
        String verifier = "verifier-" + suffix() + "-0123456789abcdefghijklmnopqrstuvwxyz";
        String code = authorize(user, verifier, scopes);
        return oauth().exchangeCode(new CodeExchange(code, verifier, REDIRECT)).await().atMost(WAIT);
    }

    /** Plays the browser: opens the authorize URL and reads the code from the redirect back. */
    String authorize(String user, String verifier, List<String> scopes) {
        URI url = oauth().authorizationUrl(new OAuthAuthorization("state-1", s256(verifier), REDIRECT, scopes));
        String location = given().redirects().follow(false).urlEncodingEnabled(false)
                .get(url.toString() + "&login_hint=" + user).then().statusCode(302).extract().header("Location");
        Map<String, String> back = query(URI.create(location).getRawQuery());
        assertThat(back).containsEntry("state", "state-1").containsKey("iss");
        return back.get("code");
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> query(String raw) {
        return Arrays.stream(raw.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> p[0], p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }
}
