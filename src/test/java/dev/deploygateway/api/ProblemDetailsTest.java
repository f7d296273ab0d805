package dev.deploygateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.deploygateway.api.http.RawHttp;
import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Everything a client can send wrong gets a 4xx problem+json with a stable code, never a 500. */
@QuarkusTest
class ProblemDetailsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ORIGIN = "http://localhost:8080";

    @Test
    void malformedJsonIsA400ThatDoesNotEchoTheInput() {
        given().contentType(ContentType.JSON).header("Origin", ORIGIN)
                .body("{\"username\": \"alice-sk-very-secret")
                .when().post("/api/v1/dev/session")
                .then().statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("MALFORMED_REQUEST"))
                .body("type", startsWith("https://"))
                .body("title", equalTo("Malformed request body"))
                .body("instance", equalTo("/api/v1/dev/session"))
                .body(not(containsString("sk-very-secret")));
    }

    @Test
    void aRepeatedMemberNameIsMalformedNotLastOneWins() {
        signInWith("{\"username\": \"alice\", \"username\": \"mallory\"}", ContentType.JSON)
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("code", equalTo("MALFORMED_REQUEST"))
                .body("detail", containsString("repeats a member name"));
    }

    @Test
    void aNumberIsNotCoercedIntoAString() {
        signInWith("{\"username\": 5}", ContentType.JSON)
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("username"));
    }

    @Test
    void anUnknownMemberIsAValidationProblemNamingIt() {
        signInWith("{\"username\": \"alice\", \"admin\": true}", ContentType.JSON)
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("admin"));
    }

    @Test
    void contentAfterTheJsonValueIsMalformed() {
        signInWith("{\"username\": \"alice\"} {\"username\": \"mallory\"}", ContentType.JSON)
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void aBodyWithoutContentTypeIs415NotParsedAsJson() {
        // Written by hand: HTTP client libraries add a Content-Type to any body.
        byte[] body = "{\"username\": \"alice\"}".getBytes(StandardCharsets.UTF_8);
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST /api/v1/dev/session HTTP/1.1\r\n"
                + "Host: localhost\r\nOrigin: " + ORIGIN + "\r\nConnection: close\r\nContent-Length: " + body.length,
                body);
        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.header("content-type")).startsWith(PROBLEM);
        assertThat(answer.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
    }

    @Test
    void wrongJsonTypeIsAValidationProblemNamingTheField() {
        given().contentType(ContentType.JSON).header("Origin", ORIGIN)
                .body("{\"username\": {\"nested\": true}}")
                .when().post("/api/v1/dev/session")
                .then().statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("username"));
    }

    @Test
    void constraintViolationListsTheFailingFields() {
        given().contentType(ContentType.JSON).header("Origin", ORIGIN)
                .body("{\"username\": \"../etc/passwd\"}")
                .when().post("/api/v1/dev/session")
                .then().statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("username"));
    }

    @Test
    void missingBodyIsAValidationProblem() {
        given().contentType(ContentType.JSON).header("Origin", ORIGIN)
                .when().post("/api/v1/dev/session")
                .then().statusCode(400)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    @Test
    void wrongContentTypeIs415() {
        given().contentType(ContentType.TEXT).header("Origin", ORIGIN).body("username=alice")
                .when().post("/api/v1/dev/session")
                .then().statusCode(415)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void unknownApiRouteIs404Problem() {
        given().auth().oauth2(TestTokens.valid("alice"))
                .when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void unknownRouteOutsideTheApiIs404Problem() {
        given().when().get("/definitely/not/here")
                .then().statusCode(404)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void wrongMethodIs405() {
        given().auth().oauth2(TestTokens.valid("alice"))
                .when().delete("/api/v1/me")
                .then().statusCode(405)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void unacceptableMediaTypeIs406() {
        given().auth().oauth2(TestTokens.valid("alice")).accept("application/xml")
                .when().get("/api/v1/me")
                .then().statusCode(406)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("NOT_ACCEPTABLE"));
    }

    @Test
    void oversizedBodyIs413Problem() {
        byte[] body = new byte[2 * 1024 * 1024 + 1];
        given().contentType(ContentType.JSON).header("Origin", ORIGIN).body(body)
                .when().post("/api/v1/dev/session")
                .then().statusCode(413)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    private static Response signInWith(String body, ContentType type) {
        return given().contentType(type).header("Origin", ORIGIN).body(body).when().post("/api/v1/dev/session");
    }

    @Test
    void unexpectedFailureIsA500WithoutStackTraceOrMessage() {
        given().auth().oauth2(TestTokens.valid("alice"))
                .when().get("/api/v1/test-only/boom")
                .then().statusCode(500)
                .contentType(startsWith(PROBLEM))
                .body("code", equalTo("INTERNAL_ERROR"))
                .body("trace", nullValue())
                .body(not(containsString("boom-secret")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at dev.deploygateway")));
    }
}
