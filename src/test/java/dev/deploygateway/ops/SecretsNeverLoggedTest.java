package dev.deploygateway.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Session tokens and bearer tokens never reach the log, whatever the request does, even at DEBUG. */
@QuarkusTest
class SecretsNeverLoggedTest {

    @RegisterExtension
    final dev.deploygateway.ops.ServiceLogCapture logs = new dev.deploygateway.ops.ServiceLogCapture();

    @Test
    void tokensInRequestsNeverAppearInLogs() {
        String session = given().contentType(ContentType.JSON).header("Origin", "http://localhost:8080")
                .body("{\"username\":\"ivan\"}").post("/api/v1/dev/session").getCookie("dg_session");
        String bearer = TestTokens.valid("judy");
        String forged = TestTokens.signedByUntrustedKey("judy");

        given().cookie("dg_session", session).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(bearer).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401);
        given().auth().oauth2(bearer).get("/api/v1/test-only/boom").then().statusCode(500);

        assertThat(logs.lines()).as("something was logged at all").isNotEmpty();
        for (String secret : List.of(session, bearer, forged, signaturePart(bearer), signaturePart(forged))) {
            assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
        }
    }

    private static String signaturePart(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }
}
