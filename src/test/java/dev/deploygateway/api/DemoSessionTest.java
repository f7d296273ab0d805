package dev.deploygateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The demo sign-in and the CSRF rule for cookie-authenticated writes. */
@QuarkusTest
class DemoSessionTest {

    private static final String ORIGIN = "http://localhost:8080";

    @Test
    void signInSetsAnHttpOnlySessionCookieThatAuthenticates() {
        Response response = signIn("Carol");
        response.then().statusCode(201)
                .body("userId", equalTo("carol"))
                .body(not(containsString(response.getCookie("dg_session"))));
        var cookie = response.getDetailedCookie("dg_session");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getMaxAge()).isEqualTo(3600);

        given().cookie("dg_session", cookie.getValue())
                .when().get("/api/v1/me")
                .then().statusCode(200)
                .body("userId", equalTo("carol"))
                .body("authenticatedBy", equalTo("cookie"));
    }

    @Test
    void signInWithoutOriginIsRejectedAsLoginCsrf() {
        given().contentType(ContentType.JSON).body("{\"username\":\"dave\"}")
                .when().post("/api/v1/dev/session")
                .then().statusCode(403).body("code", equalTo("CSRF_REJECTED"));
    }

    @Test
    void cookieAuthenticatedWriteFromAForeignOriginIsRejected() {
        String session = signIn("erin").getCookie("dg_session");
        given().cookie("dg_session", session).header("Origin", "https://evil.example")
                .when().delete("/api/v1/dev/session")
                // Refused before the CSRF guard runs, by the CORS guard (api.http.OriginGuard).
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("code", equalTo("CORS_REJECTED"));
        given().cookie("dg_session", session).header("Origin", ORIGIN)
                .when().get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void cookieAuthenticatedWriteWithoutOriginIsRejected() {
        String session = signIn("frank").getCookie("dg_session");
        given().cookie("dg_session", session)
                .when().delete("/api/v1/dev/session")
                .then().statusCode(403).body("code", equalTo("CSRF_REJECTED"));
    }

    @Test
    void signingOutWithTheCookieFromAnAllowedOriginClearsTheCookie() {
        String session = signIn("grace").getCookie("dg_session");
        Response out = given().cookie("dg_session", session).header("Origin", ORIGIN)
                .when().delete("/api/v1/dev/session");
        out.then().statusCode(204);
        assertThat(out.getDetailedCookie("dg_session").getMaxAge()).isZero();
    }

    @Test
    void anyAuthorizationHeaderNextToTheCookieDoesNotExemptAWrite() {
        String session = signIn("ivy").getCookie("dg_session");
        given().cookie("dg_session", session).header("Authorization", "Basic eDp4")
                .when().delete("/api/v1/dev/session")
                .then().statusCode(403).body("code", equalTo("CSRF_REJECTED"));
    }

    @Test
    void evenAValidBearerTokenNextToTheCookieDoesNotExemptAWrite() {
        // With the cookie present, the cookie is what authenticates the request; the bearer token is never read.
        String session = signIn("jack").getCookie("dg_session");
        given().cookie("dg_session", session).auth().oauth2(TestTokens.valid("jack"))
                .contentType(ContentType.JSON).body("{\"token\":\"x\"}")
                .when().put("/api/v1/platforms/vercel/connection")
                .then().statusCode(403).body("code", equalTo("CSRF_REJECTED"));
    }

    @Test
    void bearerAuthenticatedWriteNeedsNoOrigin() {
        given().auth().oauth2(TestTokens.valid("heidi"))
                .when().delete("/api/v1/dev/session")
                .then().statusCode(204);
    }

    private static Response signIn(String username) {
        return given().contentType(ContentType.JSON).header("Origin", ORIGIN)
                .body("{\"username\":\"" + username + "\"}")
                .when().post("/api/v1/dev/session");
    }
}
