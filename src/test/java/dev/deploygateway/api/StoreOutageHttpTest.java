package dev.deploygateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.deploygateway.identity.TestTokens;
import dev.deploygateway.store.RedisServerResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The outage policy over HTTP: while Redis is down a deployment cannot be recorded, so it is not accepted
 * (503 STORE_UNAVAILABLE with Retry-After, never 500), the quota view says unavailable rather than inventing a
 * full quota, and everything works again once Redis is back.
 */
@QuarkusTest
@WithTestResource(value = RedisServerResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class StoreOutageHttpTest {

    @AfterEach
    void redisBackUp() {
        RedisServerResource.forQuarkus().restartServerIfStopped();
    }

    @Test
    void storeBackedEndpointsAnswer503OnlyWhileRedisIsDown() {
        String user = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String token = TestTokens.valid(user);
        given().auth().oauth2(token).get("/api/v1/rate-limit").then().statusCode(200)
                .body("remaining", equalTo(10));
        RedisServerResource.forQuarkus().stopServer();

        for (int i = 0; i < 7; i++) {
            var refused = given().auth().oauth2(token).contentType(ContentType.JSON).body(site("down-" + i))
                    .post("/api/v1/deployments");
            refused.then().statusCode(503).contentType("application/problem+json")
                    .body("code", equalTo("STORE_UNAVAILABLE"));
            assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        }
        given().auth().oauth2(token).get("/api/v1/rate-limit").then().statusCode(503)
                .body("code", equalTo("STORE_UNAVAILABLE"));

        RedisServerResource.forQuarkus().restartServer();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> given().auth().oauth2(token).get("/api/v1/rate-limit").then().statusCode(200)
                        .body("remaining", equalTo(10)));
        given().auth().oauth2(token).get("/api/v1/deployments").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    private static Map<String, Object> site(String name) {
        return Map.of("platform", "vercel", "projectName", name,
                "files", Map.of("index.html", Map.of("content", "<h1>hi</h1>", "encoding", "utf-8")));
    }
}
