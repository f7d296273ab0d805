package dev.deploygateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A corpus of bad pasted-token bodies for {@code PUT /api/v1/platforms/vercel/connection}: each is a 400
 * {@code VALIDATION_FAILED} or {@code MALFORMED_REQUEST} problem naming the field, never the value, before the
 * platform is asked (a CR/LF in a token used to come back as a retryable 502), and no connection is stored.
 */
@QuarkusTest
class BadTokenConnectTest {

    private static final String SECRET = "vsb_secret-part";

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("CR LF inside", "{\"token\":\"" + SECRET + "\\r\\nX-Injected: 1\"}", "VALIDATION_FAILED", "token"),
                bad("LF inside", "{\"token\":\"" + SECRET + "\\nmore\"}", "VALIDATION_FAILED", "token"),
                bad("tab inside", "{\"token\":\"" + SECRET + "\\tmore\"}", "VALIDATION_FAILED", "token"),
                bad("NUL inside", "{\"token\":\"" + SECRET + "\\u0000\"}", "VALIDATION_FAILED", "token"),
                bad("space inside", "{\"token\":\"" + SECRET + " more\"}", "VALIDATION_FAILED", "token"),
                bad("DEL inside", "{\"token\":\"" + SECRET + "\\u007f\"}", "VALIDATION_FAILED", "token"),
                bad("non-ASCII", "{\"token\":\"" + SECRET + "\u00e9\"}", "VALIDATION_FAILED", "token"),
                bad("longer than 4096", "{\"token\":\"" + "a".repeat(4097) + "\"}", "VALIDATION_FAILED", "token"),
                bad("a number", "{\"token\":5}", "VALIDATION_FAILED", "token"),
                bad("a boolean", "{\"token\":true}", "VALIDATION_FAILED", "token"),
                bad("an array", "{\"token\":[\"" + SECRET + "\"]}", "VALIDATION_FAILED", "token"),
                bad("missing", "{}", "VALIDATION_FAILED", "token"),
                bad("empty", "{\"token\":\"\"}", "VALIDATION_FAILED", "token"),
                bad("team id with CR LF", "{\"token\":\"" + SECRET + "\",\"teamId\":\"team_a\\r\\nb\"}",
                        "VALIDATION_FAILED", "teamId"),
                bad("team id as a number", "{\"token\":\"" + SECRET + "\",\"teamId\":7}", "VALIDATION_FAILED",
                        "teamId"),
                bad("unknown member", "{\"token\":\"" + SECRET + "\",\"scope\":\"all\"}", "VALIDATION_FAILED",
                        "scope"),
                bad("token given twice", "{\"token\":\"x\",\"token\":\"" + SECRET + "\"}", "MALFORMED_REQUEST",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aBadTokenBodyIsRefusedBeforeThePlatformIsAsked(String name, String body, String code, String field) {
        String user = "paster-" + UUID.randomUUID().toString().substring(0, 8);
        var response = as(user).contentType(ContentType.JSON).body(body).put("/api/v1/platforms/vercel/connection")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("code", equalTo(code))
                .body(not(containsString(SECRET)));
        if (field != null) {
            response.body("errors.field", hasItem(field));
        }
        as(user).get("/api/v1/platforms/vercel/connection").then().statusCode(404);
    }

    @Test
    void whitespaceAroundAPastedTokenIsForgiven() {
        String user = "paster-" + UUID.randomUUID().toString().substring(0, 8);
        String token = given().contentType(ContentType.JSON).body(Map.of("username", user))
                .post("/sandbox/vercel/_sandbox/tokens").then().statusCode(201).extract().path("token");
        as(user).contentType(ContentType.JSON).body(Map.of("token", "  " + token + "\r\n"))
                .put("/api/v1/platforms/vercel/connection")
                .then().statusCode(200).body("state", equalTo("CONNECTED"));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.valid(user));
    }

    private static Arguments bad(String name, String body, String code, String field) {
        return Arguments.of(name, body, code, field);
    }
}
