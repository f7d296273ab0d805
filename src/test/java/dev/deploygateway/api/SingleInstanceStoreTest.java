package dev.deploygateway.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Without REDIS_URL: the memory backend serves the limiter and readiness says single-instance. */
@QuarkusTest
class SingleInstanceStoreTest {

    @Test
    void readinessReportsTheMemoryBackendUpInSingleInstanceMode() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'shared-store' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'shared-store' }.data.backend", equalTo("memory"))
                .body("checks.find { it.name == 'shared-store' }.data.mode", equalTo("single-instance"));
    }

    @Test
    void theLimiterWorksOnTheMemoryBackend() {
        String token = TestTokens.valid("mem-" + UUID.randomUUID());
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).when().post("/api/v1/test-only/admit/dpl_" + i).then().statusCode(202);
        }
        given().auth().oauth2(token).when().post("/api/v1/test-only/admit/dpl_10").then().statusCode(429)
                .body("code", equalTo("RATE_LIMITED"));
        given().auth().oauth2(token).when().get("/api/v1/rate-limit").then().statusCode(200)
                .body("remaining", equalTo(0));
    }

    @Test
    void theLimiterCountersAreExposedOnMetricsBeforeTheFirstDeployment() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("gateway_ratelimit_admissions_total"))
                .body(containsString("gateway_ratelimit_refusals_total"))
                .body(containsString("gateway_ratelimit_store_unavailable_total"));
    }
}
