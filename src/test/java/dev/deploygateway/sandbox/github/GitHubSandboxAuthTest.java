package dev.deploygateway.sandbox.github;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.deploygateway.sandbox.ContractProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The GitHub sandbox's GitHub App user authorization (PKCE S256, registered callback URLs only, expiring access
 * tokens, rotating refresh tokens) and its primary and secondary rate limits.
 */
@QuarkusTest
@WithTestResource(ContractProxy.class)
class GitHubSandboxAuthTest extends GitHubContract {

    static final String CALLBACK = "http://localhost:9999/callback";
    static final String VERIFIER = "a-verifier-of-at-least-forty-three-characters-0123456789";

    static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    static String code(String login, String challenge) {
        var request = given().redirects().follow(false).queryParam("client_id", "app").queryParam("redirect_uri",
                CALLBACK).queryParam("state", "st4te").queryParam("login", login);
        if (challenge != null) {
            request = request.queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256");
        }
        String location = request.get("/sandbox/github/login/oauth/authorize").then().statusCode(302).extract()
                .header("Location");
        assertThat(location).startsWith(CALLBACK + "?").contains("state=st4te");
        return location.replaceAll(".*[?&]code=([^&]+).*", "$1");
    }

    static JsonPath exchange(String code, String verifier) {
        var request = given().accept(ContentType.JSON).formParam("client_id", "app").formParam("client_secret", "s")
                .formParam("code", code).formParam("redirect_uri", CALLBACK);
        if (verifier != null) {
            request = request.formParam("code_verifier", verifier);
        }
        return request.post("/sandbox/github/login/oauth/access_token").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath refresh(String refreshToken) {
        return given().accept(ContentType.JSON).formParam("client_id", "app").formParam("client_secret", "s")
                .formParam("grant_type", "refresh_token").formParam("refresh_token", refreshToken)
                .post("/sandbox/github/login/oauth/access_token").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theCodeFlowWithPkceIssuesExpiringTokensThatWork() throws Exception {
        String login = login("oauth");
        JsonPath tokens = exchange(code(login, s256(VERIFIER)), VERIFIER);
        assertThat(tokens.getString("access_token")).startsWith("ghu_");
        assertThat(tokens.getString("refresh_token")).startsWith("ghr_");
        assertThat(tokens.getLong("expires_in")).isEqualTo(28_800L);
        assertThat(tokens.getLong("refresh_token_expires_in")).isGreaterThan(15_000_000L);
        as(tokens.getString("access_token")).get("/sandbox/github/user").then().statusCode(200)
                .body("login", equalTo(login));
    }

    @Test
    void pkceDowngradesOrWrongVerifiersAreRefused() throws Exception {
        String login = login("pkce");
        String wrongVerifier = exchange(code(login, s256(VERIFIER)), VERIFIER + "x").getString("error");
        assertThat(wrongVerifier).isEqualTo("bad_verification_code");
        // The challenge was stripped on the way: a verifier for a code issued without one is refused.
        assertThat(exchange(code(login, null), VERIFIER).getString("error")).isEqualTo("bad_verification_code");
        // A code issued with a challenge needs its verifier.
        assertThat(exchange(code(login, s256(VERIFIER)), null).getString("error")).isEqualTo("bad_verification_code");
        String plain = given().redirects().follow(false).queryParam("client_id", "app")
                .queryParam("redirect_uri", CALLBACK).queryParam("code_challenge", VERIFIER)
                .queryParam("code_challenge_method", "plain").get("/sandbox/github/login/oauth/authorize").then()
                .statusCode(302).extract().header("Location");
        assertThat(plain).contains("error=invalid_request").doesNotContain("code=");
    }

    @Test
    void anUnregisteredRedirectUriGetsA400InsteadOfARedirect() {
        given().redirects().follow(false).queryParam("client_id", "app")
                .queryParam("redirect_uri", "https://attacker.example/cb")
                .get("/sandbox/github/login/oauth/authorize").then().statusCode(400)
                .header("Location", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeGrant() throws Exception {
        JsonPath first = exchange(code(login("rotate"), s256(VERIFIER)), VERIFIER);
        JsonPath second = refresh(first.getString("refresh_token"));
        assertThat(second.getString("refresh_token")).isNotEqualTo(first.getString("refresh_token"));
        // The old access token stops working once it was refreshed.
        as(first.getString("access_token")).get("/sandbox/github/user").then().statusCode(401);
        as(second.getString("access_token")).get("/sandbox/github/user").then().statusCode(200);
        long revoked = stat("revokedGrants");

        assertThat(refresh(first.getString("refresh_token")).getString("error")).isEqualTo("bad_refresh_token");
        assertThat(stat("revokedGrants")).isEqualTo(revoked + 1);
        as(second.getString("access_token")).get("/sandbox/github/user").then().statusCode(401);
        assertThat(refresh(second.getString("refresh_token")).getString("error")).isEqualTo("bad_refresh_token");
    }

    @Test
    void theTokenAnswerIsFormEncodedUnlessJsonIsAsked() throws Exception {
        String body = given().formParam("client_id", "app").formParam("client_secret", "s")
                .formParam("code", code(login("form"), null)).post("/sandbox/github/login/oauth/access_token").then()
                .statusCode(200).contentType(startsWith("application/x-www-form-urlencoded")).extract().asString();
        assertThat(body).contains("access_token=ghu_").contains("token_type=bearer");
    }

    @Test
    void everyAnswerCarriesThePrimaryRateLimitHeaders() {
        String token = mint(login("headers"));
        var first = as(token).get("/sandbox/github/user").then().statusCode(200).extract();
        var second = as(token).get("/sandbox/github/user").then().statusCode(200).extract();
        assertThat(first.header("x-ratelimit-limit")).isEqualTo("5000");
        assertThat(Integer.parseInt(second.header("x-ratelimit-remaining")))
                .isEqualTo(Integer.parseInt(first.header("x-ratelimit-remaining")) - 1);
        assertThat(second.header("x-ratelimit-resource")).isEqualTo("core");
        assertThat(Long.parseLong(second.header("x-ratelimit-reset")))
                .isGreaterThan(System.currentTimeMillis() / 1000);
    }

    @Test
    void forcedRateLimitsAnswerInGitHubsShapes() {
        String token = mint(login("limits"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "primary", "status", 403, "count", 1,
                "retryAfterSeconds", 30, "pathContains", "/user")).post("/sandbox/github/_sandbox/rate-limit").then()
                .statusCode(201);
        var primary = as(token).get("/sandbox/github/user").then().statusCode(403).extract();
        assertThat(primary.header("x-ratelimit-remaining")).isEqualTo("0");
        assertThat(primary.header("retry-after")).isNull();
        assertThat(primary.path("message").toString()).startsWith("API rate limit exceeded");

        String repo = createRepository(token, "limits", true, true);
        given().contentType(ContentType.JSON).body(Map.of("kind", "secondary", "status", 429, "count", 1,
                "retryAfterSeconds", 7, "pathContains", "/git/blobs")).post("/sandbox/github/_sandbox/rate-limit")
                .then().statusCode(201);
        var secondary = as(token).body(Map.of("content", "x")).post("/sandbox/github/repos/" + repo + "/git/blobs")
                .then().statusCode(429).extract();
        assertThat(secondary.header("retry-after")).isEqualTo("7");
        assertThat(secondary.path("message").toString()).contains("secondary rate limit");
        as(token).body(Map.of("content", "x")).post("/sandbox/github/repos/" + repo + "/git/blobs").then()
                .statusCode(201);
    }
}
