package dev.deploygateway.api.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.deploygateway.ops.ServiceLogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Refusals made below JAX-RS: problem+json with a stable code where the router can answer (URI length, body
 * size, CORS), and the documented limitation where Vert.x's HTTP codec answers before any handler (README
 * "Limitations"): malformed header values and request lines beyond the codec's limit get an empty 400/414.
 */
@QuarkusTest
class HttpRefusalsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String ALLOWED = "http://localhost:8080";

    @RegisterExtension
    final ServiceLogCapture logs = new ServiceLogCapture();

    @Test
    void aUriOverFourKibIsA414Problem() {
        RawHttp.Answer answer = get("/api/v1/me?pad=" + "a".repeat(4100));
        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.header("content-type")).startsWith(PROBLEM);
        assertThat(JsonPath.from(answer.body()).getString("code")).isEqualTo("URI_TOO_LONG");
        assertThat(answer.header("x-content-type-options")).isEqualTo("nosniff");
    }

    @Test
    void aUriJustUnderTheLimitIsServed() {
        given().queryParam("pad", "a".repeat(4000)).get("/api/v1/me").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aRequestLineBeyondTheCodecLimitGetsTheCodecsEmpty414() {
        // Documented limitation: Vert.x's HTTP/1.1 decoder refuses it before any route (no problem body).
        RawHttp.Answer answer = get("/api/v1/me?pad=" + "a".repeat(17_000));
        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void headerValuesWithCrLfOrNulAreRefusedByTheCodec() {
        // Documented limitation: the codec validates header values and answers an empty 400 itself.
        for (String value : new String[] { "a\rb", "a\nb", "a\u0000b" }) {
            RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Note: " + value, new byte[0]);
            assertThat(answer.status()).as("header value %s", value.replace("\r", "\\r").replace("\n", "\\n")
                    .replace("\u0000", "\\0")).isEqualTo(400);
            assertThat(answer.body()).isEmpty();
        }
    }

    @Test
    void oversizedOrGarbledRequestHeadsGetTheCodecsEmptyAnswers() {
        // Documented limitation, like the malformed header values above.
        RawHttp.Answer tooLarge = RawHttp.send(RestAssured.port, "GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Pad: " + "a".repeat(21 * 1024), new byte[0]);
        assertThat(tooLarge.status()).isEqualTo(431);
        assertThat(tooLarge.body()).isEmpty();
        RawHttp.Answer garbled = RawHttp.send(RestAssured.port, "GET /api/v1/me HTTP/9.x\r\nHost: localhost",
                new byte[0]);
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.body()).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413ProblemWithoutWriteErrorsInTheLog() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST /api/v1/dev/session HTTP/1.1\r\n"
                + "Host: localhost\r\nOrigin: " + ALLOWED + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked", RawHttp.chunked("{\"username\":\"", 3 * 1024 * 1024));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("content-type")).startsWith(PROBLEM);
        assertThat(JsonPath.from(answer.body()).getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(logs.lines()).noneMatch(line -> line.contains("already been written"))
                .noneMatch(line -> line.contains("Request too large"));
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsUsual() {
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST /api/v1/dev/session HTTP/1.1\r\n"
                + "Host: localhost\r\nOrigin: " + ALLOWED + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close", RawHttp.chunked("{\"username\":\"chunky\"}", 0));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(JsonPath.from(answer.body()).getString("userId")).isEqualTo("chunky");
    }

    @Test
    void aRequestFromAForeignOriginIsA403Problem() {
        given().header("Origin", "https://evil.example").contentType("application/json")
                .body("{\"username\":\"mallory\"}").post("/api/v1/dev/session")
                .then().statusCode(403).contentType(startsWith(PROBLEM))
                .body("code", equalTo("CORS_REJECTED"))
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aPreflightFromAForeignOriginIsA403Problem() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/deployments")
                .then().statusCode(403).contentType(startsWith(PROBLEM)).body("code", equalTo("CORS_REJECTED"));
    }

    @Test
    void aMethodCorsDoesNotAllowIsA403ProblemEvenFromAnAllowedOrigin() {
        given().header("Origin", ALLOWED).patch("/api/v1/me")
                .then().statusCode(403).contentType(startsWith(PROBLEM)).body("code", equalTo("CORS_REJECTED"));
    }

    @Test
    void theServicesOwnOriginIsAllowedWithoutBeingListed() {
        String own = "http://localhost:" + RestAssured.port;
        given().header("Origin", own).contentType("application/json").body("{\"username\":\"self\"}")
                .post("/api/v1/dev/session").then().statusCode(201);
    }

    private static RawHttp.Answer get(String target) {
        return RawHttp.send(RestAssured.port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close",
                new byte[0]);
    }
}
