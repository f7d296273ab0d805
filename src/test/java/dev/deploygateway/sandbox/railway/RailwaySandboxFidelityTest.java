package dev.deploygateway.sandbox.railway;

import static dev.deploygateway.platform.railway.RailwayContractTestBase.graphql;
import static dev.deploygateway.platform.railway.RailwayContractTestBase.mint;
import static dev.deploygateway.platform.railway.RailwayContractTestBase.suffix;
import static dev.deploygateway.sandbox.railway.RailwaySandboxFixtures.project;
import static dev.deploygateway.sandbox.railway.RailwaySandboxFixtures.up;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.deploygateway.platform.railway.RailwayRecordingProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;

/** What Railway would reject is rejected, and what it accepts works, as a GraphQL server over Railway's schema. */
@QuarkusTest
@WithTestResource(RailwayRecordingProxy.class)
class RailwaySandboxFidelityTest {

    private static final String API = "/sandbox/railway";

    @Inject
    Vertx vertx;

    private final List<WebSocketClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(WebSocketClient::close);
    }

    @Test
    void aFieldTheSchemaDoesNotHaveIsAValidationErrorInRailwaysEnvelope() {
        JsonNode answer = graphql(mint("val"), "query { me { id noSuchField } }", Map.of());
        assertThat(answer.path("data").isNull()).isTrue();
        assertThat(answer.path("errors").get(0).path("message").asText()).contains("noSuchField");
        assertThat(answer.path("errors").get(0).path("extensions").path("code").asText())
                .isEqualTo("GRAPHQL_VALIDATION_FAILED");
        assertThat(graphql(mint("val"), "query { project(id: 5) { id } }", Map.of()).path("errors")).isNotEmpty();
    }

    @Test
    void commonGraphqlFeaturesWorkAsOnAnyGraphqlServer() {
        var alice = mint("frag");
        var ids = project(alice, "frag-" + suffix());
        JsonNode project = graphql(alice, "query P($id: String!) { project(id: $id) { ...Named } } "
                + "fragment Named on Project { __typename id name }", Map.of("id", ids.get("projectId")))
                .path("data").path("project");
        assertThat(project.path("__typename").asText()).isEqualTo("Project");
        assertThat(project.path("id").asText()).isEqualTo(ids.get("projectId"));

        String deploymentId = up(alice, ids, Map.of("index.html", "x")).path("deploymentId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SUCCESS".equals(graphql(alice,
                "query($id: String!) { deployment(id: $id) { status } }", Map.of("id", deploymentId))
                .path("data").path("deployment").path("status").asText()));
        JsonNode logs = graphql(alice, "query($id: String!, $limit: Int = 2) { buildLogs(deploymentId: $id, "
                + "limit: $limit) { message } }", Map.of("id", deploymentId)).path("data").path("buildLogs");
        assertThat(logs).as("the variable's default applies").hasSize(2);
    }

    @Test
    void answersCarryRateLimitHeadersUpToAForced429WithRetryAfter() {
        var alice = mint("limits");
        var body = Map.of("query", "query { me { id } }");
        given().header("Authorization", alice.bearer()).contentType("application/json").body(body)
                .post(API + "/graphql/v2").then().statusCode(200).header("X-RateLimit-Limit", equalTo("1000"))
                .header("X-RateLimit-Remaining", notNullValue()).header("X-RateLimit-Reset", notNullValue());
        given().contentType("application/json").body(Map.of("count", 1, "retryAfterSeconds", 7))
                .post(API + "/_sandbox/rate-limit").then().statusCode(201);
        given().header("Authorization", alice.bearer()).contentType("application/json").body(body)
                .post(API + "/graphql/v2").then().statusCode(429).header("Retry-After", "7")
                .header("X-RateLimit-Remaining", "0").body("errors[0].extensions.code", equalTo("RATE_LIMITED"));
        given().header("Authorization", alice.bearer()).contentType("application/json").body(body)
                .post(API + "/graphql/v2").then().statusCode(200);
    }

    @Test
    void aPkceDowngradeIsRefused() {
        // Authorize without a challenge (an attacker stripped it), then redeem with a verifier: RFC 9700 §2.1.1.
        String location = given().redirects().follow(false).urlEncodingEnabled(false).get(API + "/oauth/auth"
                + "?response_type=code&client_id=web&redirect_uri=http://localhost/cb&scope=openid&state=s")
                .then().statusCode(302).extract().header("Location");
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        given().auth().preemptive().basic("web", "secret").contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", "http://localhost/cb").formParam("code_verifier", "v".repeat(43))
                .post(API + "/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        // A public client must use PKCE at all.
        String second = given().redirects().follow(false).urlEncodingEnabled(false).get(API + "/oauth/auth"
                + "?response_type=code&client_id=native&redirect_uri=http://localhost/cb&scope=openid").then()
                .statusCode(302).extract().header("Location").replaceAll(".*[?&]code=([^&]+).*", "$1");
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "authorization_code")
                .formParam("code", second).formParam("redirect_uri", "http://localhost/cb")
                .formParam("client_id", "native").post(API + "/oauth/token").then().statusCode(400);
    }

    @Test
    void unknownRoutesAnswerInRailwaysShape() {
        given().get(API + "/nothing/here").then().statusCode(404).body("message", equalTo("Not Found"));
        given().get(API + "/sites/anything.up.railway.app/").then().statusCode(404);
    }

    @Test
    void connectionInitMustComeExactlyOnceWithinTheTimeout() throws Exception {
        var alice = mint("ws-proto");
        var twice = open(alice.bearer());
        twice.send(new JsonObject().put("type", "connection_init"));
        assertThat(twice.next().getString("type")).isEqualTo("connection_ack");
        twice.send(new JsonObject().put("type", "connection_init"));
        assertThat(twice.closeStatus()).isEqualTo((short) 4429);

        var silent = open(alice.bearer());
        assertThat(silent.closeStatus()).as("connection-init-timeout is 1 s in tests").isEqualTo((short) 4408);
    }

    private Socket open(String authorization) throws Exception {
        var client = vertx.createWebSocketClient();
        clients.add(client);
        return Socket.open(client, authorization);
    }
}
