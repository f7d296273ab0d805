package dev.deploygateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.deploygateway.identity.TestTokens;
import dev.deploygateway.store.RedisServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** {@code RATE_LIMIT_REDIS_DOWN_POLICY=fail-closed}: a Redis outage answers 503 STORE_UNAVAILABLE, never 500. */
@QuarkusTest
@TestProfile(RateLimitFailClosedTest.FailClosed.class)
@QuarkusTestResource(value = RedisServerResource.class, restrictToAnnotatedClass = true)
class RateLimitFailClosedTest {

    public static class FailClosed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.redis-down-policy", "fail-closed");
        }
    }

    @AfterEach
    void redisBackUp() {
        RedisServerResource.forQuarkus().restartServerIfStopped();
    }

    @Test
    void anOutageAnswers503WithRetryAfterAndRecovers() {
        String token = TestTokens.valid("closed-" + UUID.randomUUID());
        given().auth().oauth2(token).when().post("/api/v1/test-only/admit/dpl_1").then().statusCode(202);
        RedisServerResource.forQuarkus().stopServer();

        for (int i = 0; i < 7; i++) {
            var refused = given().auth().oauth2(token).when().post("/api/v1/test-only/admit/dpl_x" + i);
            refused.then().statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("STORE_UNAVAILABLE"));
            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        }
        given().auth().oauth2(token).when().get("/api/v1/rate-limit").then().statusCode(503)
                .body("code", equalTo("STORE_UNAVAILABLE"));

        RedisServerResource.forQuarkus().restartServer();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(token).when().post("/api/v1/test-only/admit/dpl_2").then().statusCode(202));
    }
}
