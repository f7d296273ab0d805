package dev.deploygateway.deployment;

import static dev.deploygateway.deployment.DeploymentFixtures.connectedUser;
import static dev.deploygateway.deployment.DeploymentFixtures.staticSiteJson;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.deploygateway.api.http.RawHttp;
import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The bad-request corpus for what no HTTP client library sends, written byte by byte: defects in headers, URI,
 * framing, origin and credentials around an otherwise valid deployment request. Each is refused with a 4xx
 * problem+json with a stable code, or with the HTTP codec's empty 400 where README "Limitations" says the
 * framework answers first; either way nothing is stored and no quota is used.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadWireRequestsTest {

    private static final byte[] BODY = staticSiteJson("wire-site");

    private String user;

    private String user() {
        if (user == null) {
            user = connectedUser("wire");
        }
        return user;
    }

    /** A request as bytes on the wire, made for the corpus's caller (their bearer token). */
    record Wire(String head, byte[] body) {
    }

    static Stream<Arguments> wireCorpus() {
        String deploy = "POST /api/v1/deployments HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n";
        Function<String, String> json = bearer -> deploy + "Authorization: Bearer " + bearer
                + "\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length;
        return Stream.of(
                // The codec refuses these before any handler, with an empty 400 (README "Limitations").
                wire("header value with CR", u -> new Wire(json.apply(bearer(u)) + "\r\nX-Note: a\rb", BODY),
                        400, null),
                wire("header value with NUL", u -> new Wire(json.apply(bearer(u)) + "\r\nX-Note: a\u0000b",
                        BODY), 400, null),
                wire("URI over 4 KiB", u -> new Wire(json.apply(bearer(u)).replace("/api/v1/deployments",
                        "/api/v1/deployments?pad=" + "a".repeat(4100)), BODY), 414, "URI_TOO_LONG"),
                wire("chunked body over the limit", u -> new Wire(deploy + "Authorization: Bearer " + bearer(u)
                        + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                        RawHttp.chunked("{\"platform\":\"vercel\",\"projectName\":\"", 3 * 1024 * 1024)), 413,
                        "PAYLOAD_TOO_LARGE"),
                wire("no Content-Type",
                        u -> new Wire(json.apply(bearer(u)).replace("Content-Type: application/json\r\n",
                                ""), BODY),
                        415, "UNSUPPORTED_MEDIA_TYPE"),
                wire("foreign origin", u -> new Wire(json.apply(bearer(u)) + "\r\nOrigin: https://evil.example",
                        BODY), 403, "CORS_REJECTED"),
                wire("cookie write with a Basic header and no Origin", u -> new Wire(json.apply("x")
                        .replace("Authorization: Bearer x", "Authorization: Basic eDp4\r\nCookie: dg_session="
                                + bearer(u)),
                        BODY), 403, "CSRF_REJECTED"),
                wire("token issued an hour in the future", u -> new Wire(json.apply(TestTokens.issuedIn(u, 3600)),
                        BODY), 401, "UNAUTHENTICATED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wireCorpus")
    void requestsRefusedOnTheWireStoreNothing(String name, Function<String, Wire> request, int status, String code) {
        Wire wire = request.apply(user());
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, wire.head(), wire.body());
        assertThat(answer.status()).isEqualTo(status);
        if (code == null) {
            assertThat(answer.body()).isEmpty();
        } else {
            assertThat(answer.header("content-type")).startsWith("application/problem+json");
            assertThat(JsonPath.from(answer.body()).getString("code")).isEqualTo(code);
        }
        assertNothingStored();
    }

    @Test
    void theWireCorpusRequestIsAcceptedWhenNothingIsWrongWithIt() {
        // The control case: the same bytes without the defect would deploy (here with a user of its own, whose
        // quota the corpus does not watch), so the corpus's refusals come from the defects alone.
        String other = connectedUser("wire-control");
        String head = "POST /api/v1/deployments HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + TestTokens.valid(other) + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + BODY.length;
        assertThat(RawHttp.send(RestAssured.port, head, BODY).status()).isEqualTo(202);
    }

    private static String bearer(String user) {
        return TestTokens.valid(user);
    }

    private static Arguments wire(String name, Function<String, Wire> request, int status, String code) {
        return Arguments.of(name, request, status, code);
    }

    private void assertNothingStored() {
        given().auth().oauth2(TestTokens.valid(user())).get("/api/v1/deployments").then().statusCode(200)
                .body("items", empty());
        given().auth().oauth2(TestTokens.valid(user())).get("/api/v1/rate-limit").then()
                .body("remaining", equalTo(10));
    }
}
