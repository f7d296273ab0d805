package dev.deploygateway.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CallerIdentityTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void meWithoutCredentialsIsUnauthenticatedProblem() {
        given().when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType(startsWith(PROBLEM))
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("UNAUTHENTICATED"))
                .body("status", equalTo(401));
    }

    @Test
    void meWithValidBearerTokenReturnsCaller() {
        given().auth().oauth2(TestTokens.valid("alice"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("userId", equalTo("alice"))
                .body("authenticatedBy", equalTo("bearer"))
                .body("issuer", equalTo(TestTokens.ISSUER));
    }

    @Test
    void meWithTheSameTokenInTheSessionCookieReturnsCaller() {
        given().cookie("dg_session", TestTokens.valid("bob"))
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("userId", equalTo("bob"))
                .body("authenticatedBy", equalTo("cookie"));
    }

    @Test
    void expiredTokenIsRejected() {
        assertRejected(TestTokens.expired("alice"));
    }

    @Test
    void tokenIssuedAnHourInTheFutureIsRejected() {
        assertRejected(TestTokens.issuedIn("alice", 3600));
    }

    @Test
    void tokenIssuedJustBeyondTheClockSkewIsRejected() {
        assertRejected(TestTokens.issuedIn("alice", 45));
    }

    @Test
    void tokenIssuedWithinTheClockSkewIsAccepted() {
        given().auth().oauth2(TestTokens.issuedIn("alice", 10))
                .when().get("/api/v1/me")
                .then().statusCode(200).body("userId", equalTo("alice"));
    }

    @Test
    void tokenNotValidBeforeAnHourFromNowIsRejected() {
        assertRejected(TestTokens.notBeforeIn("alice", 3600));
    }

    @Test
    void futureIssuedTokenInTheCookieIsRejectedToo() {
        given().cookie("dg_session", TestTokens.issuedIn("bob", 3600))
                .when().get("/api/v1/me")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        assertRejected(TestTokens.withIssuer("alice", "https://evil.example"));
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        assertRejected(TestTokens.withAudience("alice", "some-other-service"));
    }

    @Test
    void tokenSignedByAnUntrustedKeyIsRejected() {
        assertRejected(TestTokens.signedByUntrustedKey("alice"));
    }

    @Test
    void unsignedAlgNoneTokenIsRejected() {
        assertRejected(TestTokens.unsigned("alice"));
    }

    @Test
    void hmacTokenKeyedWithThePublicKeyIsRejected() {
        assertRejected(TestTokens.hmacSignedWithPublicKey("alice"));
    }

    @Test
    void garbageTokenIsRejected() {
        assertRejected("not.a.jwt");
    }

    @Test
    void badTokenInCookieIsRejected() {
        given().cookie("dg_session", TestTokens.unsigned("alice"))
                .when().get("/api/v1/me")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    private static void assertRejected(String token) {
        given().header("Authorization", "Bearer " + token)
                .when().get("/api/v1/me")
                .then().statusCode(401)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("UNAUTHENTICATED"));
    }
}
