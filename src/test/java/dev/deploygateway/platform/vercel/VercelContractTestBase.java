package dev.deploygateway.platform.vercel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.deploygateway.platform.PlatformCredential;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every test of a subclass runs against the sandbox through {@link VercelRecordingProxy}; afterwards every
 * recorded request and response must conform to Vercel's OpenAPI document.
 */
public abstract class VercelContractTestBase {

    @BeforeEach
    public void startRecording() {
        sandbox().delete("/sandbox/vercel/_sandbox/faults").then().statusCode(204);
        VercelRecordingProxy.EXCHANGES.clear();
    }

    @AfterEach
    public void everyExchangeMatchesTheContract() {
        var problems = new ArrayList<String>();
        VercelRecordingProxy.EXCHANGES.forEach(e -> problems.addAll(VercelContract.problems(e)));
        assertThat(problems).isEmpty();
    }

    /** A request to the sandbox that passes through the recording proxy. */
    public static RequestSpecification sandbox() {
        return given().baseUri(VercelRecordingProxy.baseUri()).port(-1);
    }

    public static PlatformCredential mint(String user) {
        String token = sandbox().contentType(ContentType.JSON).body(Map.of("username", user))
                .post("/sandbox/vercel/_sandbox/tokens").then().statusCode(201).extract().path("token");
        return PlatformCredential.of(token);
    }

    public static void inject(int status, int retryAfterSeconds, String pathContains, int count) {
        sandbox().contentType(ContentType.JSON).body(Map.of("status", status, "retryAfterSeconds", retryAfterSeconds,
                "pathContains", pathContains, "count", count)).post("/sandbox/vercel/_sandbox/faults").then()
                .statusCode(201);
    }

    public static long stat(String name) {
        return ((Number) sandbox().get("/sandbox/vercel/_sandbox/stats").then().statusCode(200).extract().path(name))
                .longValue();
    }

    public static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }
}
