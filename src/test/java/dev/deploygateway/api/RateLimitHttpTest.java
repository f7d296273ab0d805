package dev.deploygateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.deploygateway.identity.TestTokens;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.store.RedisClients;
import dev.deploygateway.store.RedisServerResource;
import dev.deploygateway.store.ScoredMember;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.core.Vertx;

/** The quota endpoint, the 429 contract and Redis outages, over HTTP against a real redis-server. */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class RateLimitHttpTest {

    String user;
    String token;

    @BeforeEach
    void newUser() {
        RedisServerResource.forQuarkus().restartServerIfStopped();
        user = "http-" + UUID.randomUUID();
        token = TestTokens.valid(user);
    }

    @AfterEach
    void redisBackUp() {
        RedisServerResource.forQuarkus().restartServerIfStopped();
    }

    Response admit(String deploymentId) {
        return given().auth().oauth2(token).when().post("/api/v1/test-only/admit/" + deploymentId);
    }

    @Test
    void theQuotaEndpointRequiresACaller() {
        given().when().get("/api/v1/rate-limit").then().statusCode(401);
    }

    @Test
    void theQuotaEndpointReportsTheCallersQuotaWithHeaders() {
        admit("dpl_1").then().statusCode(202);

        given().auth().oauth2(token).when().get("/api/v1/rate-limit").then()
                .statusCode(200)
                .body("limit", equalTo(10))
                .body("remaining", equalTo(9))
                .body("windowSeconds", equalTo(3600))
                .body("retryAfterSeconds", equalTo(0))
                .body("reset", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"))
                .header("RateLimit-Policy", "\"deploy\";q=10;w=3600")
                .header("RateLimit", matchesPattern("\"deploy\";r=9;t=3[56]\\d\\d"))
                .header("X-RateLimit-Limit", "10")
                .header("X-RateLimit-Remaining", "9");
    }

    @Test
    void theEleventhDeploymentGetsA429ProblemWithRetryAfter() {
        for (int i = 1; i <= 10; i++) {
            admit("dpl_" + i).then().statusCode(202).header("X-RateLimit-Remaining", Integer.toString(10 - i));
        }

        Response refused = admit("dpl_11");

        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED"))
                .body("limit", equalTo(10))
                .body("remaining", equalTo(0))
                .header("RateLimit", matchesPattern("\"deploy\";r=0;t=\\d+"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(3500L, 3600L);
        assertThat(refused.jsonPath().getLong("retryAfterSeconds")).isEqualTo(retryAfter);
        Instant reset = Instant.parse(refused.jsonPath().getString("reset"));
        assertThat(Long.parseLong(refused.header("X-RateLimit-Reset")))
                .isEqualTo((reset.toEpochMilli() + 999) / 1000);
    }

    @Test
    void aRedisOutageIsA503ReportedByReadinessOrMetricsUntilRedisRecovers() {
        admit("dpl_before").then().statusCode(202);
        RedisServerResource.forQuarkus().stopServer();

        for (int i = 0; i < 8; i++) {
            admit("dpl_during_" + i).then().statusCode(503).body("code", equalTo("STORE_UNAVAILABLE"));
        }
        given().auth().oauth2(token).when().get("/api/v1/rate-limit").then().statusCode(503);
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'shared-store' }.status", equalTo("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("gateway_ratelimit_store_unavailable_total\\S* [1-9]")
                .containsPattern("gateway_store_failures_total\\S* [1-9]")
                .contains("gateway_store_breaker_state");

        RedisServerResource.forQuarkus().restartServer();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().when().get("/q/health/ready").then().statusCode(200));
        Vertx vertx = Vertx.vertx();
        try {
            var other = RedisClients.store(vertx, RedisServerResource.forQuarkus().url());
            // A restart of this test server loses its data: nothing admitted during the outage reappears.
            assertThat(other.sortedRangeByScore(DeploymentRateLimiter.key(user), Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY, 100).await().atMost(Duration.ofSeconds(5)))
                    .extracting(ScoredMember::member).noneMatch(m -> m.startsWith("dpl_during"));
        } finally {
            vertx.closeAndAwait();
        }
        admit("dpl_after").then().statusCode(202);
    }
}
