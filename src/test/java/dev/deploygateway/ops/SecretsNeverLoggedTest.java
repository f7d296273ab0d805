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

import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Session tokens and bearer tokens never reach the log, whatever the request does, even at DEBUG. */
@QuarkusTest
class SecretsNeverLoggedTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
            if (logger.startsWith("org.apache.http")) {
                return; // the test's own HTTP client wire log, not the service
            }
            String message = record.getMessage() == null ? "" : record.getMessage();
            Object[] params = record.getParameters();
            lines.add(message + (params == null ? "" : List.of(params).toString())
                    + (record.getThrown() == null ? "" : String.valueOf(record.getThrown())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previous;

    @BeforeEach
    void captureEverything() {
        Logger root = Logger.getLogger("");
        previous = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(previous);
    }

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

        assertThat(lines).as("something was logged at all").isNotEmpty();
        for (String secret : List.of(session, bearer, forged, signaturePart(bearer), signaturePart(forged))) {
            assertThat(lines).noneMatch(line -> line.contains(secret));
        }
    }

    private static String signaturePart(String jwt) {
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }
}
