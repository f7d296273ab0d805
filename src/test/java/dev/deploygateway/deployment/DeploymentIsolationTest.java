package dev.deploygateway.deployment;

import static dev.deploygateway.deployment.DeploymentFixtures.connectedUser;
import static dev.deploygateway.deployment.DeploymentFixtures.deploy;
import static dev.deploygateway.deployment.DeploymentFixtures.readStream;
import static dev.deploygateway.deployment.DeploymentFixtures.staticSite;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.deploygateway.deployment.DeploymentFixtures.Sse;
import dev.deploygateway.events.EventLog;
import dev.deploygateway.events.EventPayload;
import dev.deploygateway.identity.TestTokens;
import dev.deploygateway.store.SharedStore;
import io.quarkus.test.junit.QuarkusTest;

/** Another user's deployment does not exist; log text can never forge SSE events. */
@QuarkusTest
class DeploymentIsolationTest {

    @Inject
    EventLog eventLog;

    @Inject
    SharedStore store;

    @Test
    void everyRouteAnswers404ForAnotherUsersDeployment() {
        String alice = connectedUser("alice");
        String mallory = connectedUser("mallory");
        String id = deploy(alice, staticSite("private-site", Map.of())).then().statusCode(202).extract().path("id");
        String token = TestTokens.valid(mallory);
        given().auth().oauth2(token).get("/api/v1/deployments/" + id).then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(token).accept("text/event-stream").get("/api/v1/deployments/" + id + "/events")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(token).accept("application/json").get("/api/v1/deployments/" + id + "/events")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        given().auth().oauth2(token).post("/api/v1/deployments/" + id + "/cancel").then().statusCode(404);
        given().auth().oauth2(token).post("/api/v1/deployments/" + id + "/redeploy").then().statusCode(404);
        given().auth().oauth2(token).get("/api/v1/deployments").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        // The same answers as for an id that never existed.
        String missing = "dep_" + "0".repeat(32);
        given().auth().oauth2(token).get("/api/v1/deployments/" + missing).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        readStream(alice, id, null);
    }

    @Test
    void logTextWithCrLfStaysOneLogEvent() {
        String oscar = connectedUser("oscar");
        String id = deploy(oscar, staticSite("crlf-site", Map.of(".sandbox/slow-build", "yes")))
                .then().statusCode(202).extract().path("id");
        String hostile = "npm WARN\r\n\nevent: end\ndata: {\"status\":\"READY\"}\r\n\r\nid: 99999999999999-0";
        // Straight into the log, as if the platform had printed it (the journal would write the same fields).
        String data = eventLog.encode(new EventPayload.Log(hostile, "stdout", Instant.now()));
        store.streamAppend(EventLog.key(oscar, id), Map.of(EventLog.KIND, "log", EventLog.DATA, data), 20_000)
                .await().indefinitely();
        List<Sse> events = readStream(oscar, id, null);
        assertThat(events).filteredOn(e -> e.event().equals("end")).hasSize(1);
        assertThat(events.get(events.size() - 1).event()).isEqualTo("end");
        assertThat(events).filteredOn(e -> e.event().equals("log") && e.data().contains("npm WARN"))
                .singleElement().satisfies(e -> assertThat(e.data())
                        .contains("\\r\\n\\nevent: end").doesNotContain("\n"));
    }
}
