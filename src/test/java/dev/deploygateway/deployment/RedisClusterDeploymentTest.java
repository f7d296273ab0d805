package dev.deploygateway.deployment;

import static dev.deploygateway.deployment.DeploymentFixtures.connectedUser;
import static dev.deploygateway.deployment.DeploymentFixtures.deploy;
import static dev.deploygateway.deployment.DeploymentFixtures.staticSite;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.deploygateway.identity.TestTokens;
import dev.deploygateway.store.DebianRedisPresent;
import dev.deploygateway.store.RedisClusterResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway on a real three-master Redis Cluster ({@code quarkus.redis.client-type=cluster}): it starts while
 * the nodes do not form a cluster yet and becomes ready by itself once they do; deployments are accepted and
 * reach READY; the limit is exact; scripts work on nodes that have never seen them (EVALSHA, then EVAL on
 * {@code NOSCRIPT}, which caches the script on the node that owns the key).
 */
@QuarkusTest
@ExtendWith(DebianRedisPresent.class)
@WithTestResource(value = RedisClusterResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisClusterDeploymentTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    @Order(1)
    void readinessTurnsUpOnceTheClusterFormsWithoutARestart() {
        given().get("/q/health/ready").then().statusCode(503);

        RedisClusterResource.current().form();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
    }

    @Test
    @Order(2)
    void theLimitIsExactOnClusterNodesThatLostTheirScripts() {
        String user = connectedUser("cluster");
        String id = deploy(user, staticSite("cluster-site", Map.of())).then().statusCode(202).extract().path("id");
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(
                () -> given().auth().oauth2(TestTokens.valid(user)).get("/api/v1/deployments/" + id).then()
                        .statusCode(200).body("status", equalTo("READY")));

        RedisClusterResource cluster = RedisClusterResource.current();
        cluster.ports().forEach(port -> cluster.cli(port, "SCRIPT", "FLUSH"));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            statuses.add(deploy(user, staticSite("cluster-" + i, Map.of())).statusCode());
        }

        assertThat(statuses.subList(0, 9)).containsOnly(202);
        assertThat(statuses.subList(9, 11)).containsOnly(429);
        given().auth().oauth2(TestTokens.valid(user)).get("/api/v1/rate-limit").then().statusCode(200)
                .body("remaining", equalTo(0));
    }
}
