package dev.deploygateway.deployment;

import static dev.deploygateway.deployment.DeploymentFixtures.deploy;
import static dev.deploygateway.deployment.DeploymentFixtures.field;
import static dev.deploygateway.deployment.DeploymentFixtures.readStream;
import static dev.deploygateway.deployment.DeploymentFixtures.staticSite;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.deploygateway.deployment.DeploymentFixtures.Sse;
import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A Railway deployment end to end through the gateway's HTTP API, against the Railway sandbox the app serves. */
@QuarkusTest
class RailwayDeploymentTest {

    static String railwayUser(String prefix) {
        String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String token = given().contentType(ContentType.JSON).body(Map.of("username", user))
                .post("/sandbox/railway/_sandbox/tokens").then().statusCode(201).extract().path("token");
        given().auth().oauth2(TestTokens.valid(user)).contentType(ContentType.JSON).body(Map.of("token", token))
                .put("/api/v1/platforms/railway/connection").then().statusCode(200);
        return user;
    }

    @Test
    void aRailwayDeploymentWithPostgresGoesLiveWithItsBuildLogStreamed() {
        String alice = railwayUser("alice");
        Map<String, Object> body = new LinkedHashMap<>(staticSite("rail-site", Map.of()));
        body.put("platform", "railway");
        body.put("database", "postgres");
        String id = deploy(alice, body).then().statusCode(202).extract().path("id");

        List<Sse> events = readStream(alice, id, null);
        Sse end = events.get(events.size() - 1);
        assertThat(end.event()).isEqualTo("end");
        assertThat(field(end.data(), "status")).as(end.data()).isEqualTo("READY");
        assertThat(events).extracting(Sse::event).contains("status", "log");
        assertThat(events).anyMatch(e -> "log".equals(e.event()) && e.data().contains("Healthcheck succeeded"));
        assertThat(events).noneMatch(e -> e.data().contains("s3cr3t-value-42"));
        String url = field(end.data(), "url");
        given().get(url).then().statusCode(200).body(org.hamcrest.Matchers.containsString("Hello rail-site"));
        byte[] pixel = given().get(url + "assets/pixel.bin").then().statusCode(200).extract().asByteArray();
        assertThat(pixel).containsExactly(0, 1, 2, 0xff);
        given().auth().oauth2(TestTokens.valid(alice)).get("/api/v1/deployments/" + id).then().statusCode(200)
                .body("status", equalTo("READY"));
    }
}
