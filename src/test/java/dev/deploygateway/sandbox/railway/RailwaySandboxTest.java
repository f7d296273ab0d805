package dev.deploygateway.sandbox.railway;

import static dev.deploygateway.platform.railway.RailwayContractTestBase.graphql;
import static dev.deploygateway.platform.railway.RailwayContractTestBase.mint;
import static dev.deploygateway.platform.railway.RailwayContractTestBase.sandbox;
import static dev.deploygateway.platform.railway.RailwayContractTestBase.stat;
import static dev.deploygateway.platform.railway.RailwayContractTestBase.suffix;
import static dev.deploygateway.sandbox.railway.RailwaySandboxFixtures.logs;
import static dev.deploygateway.sandbox.railway.RailwaySandboxFixtures.project;
import static dev.deploygateway.sandbox.railway.RailwaySandboxFixtures.s256;
import static dev.deploygateway.sandbox.railway.RailwaySandboxFixtures.subscribe;
import static dev.deploygateway.sandbox.railway.RailwaySandboxFixtures.tarball;
import static dev.deploygateway.sandbox.railway.RailwaySandboxFixtures.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.railway.RailwayContractTestBase;
import dev.deploygateway.platform.railway.RailwayRecordingProxy;
import dev.deploygateway.platform.railway.RailwaySchema;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/** The Railway sandbox over HTTP and its websocket, as a client other than ours would see it. */
@QuarkusTest
@WithTestResource(RailwayRecordingProxy.class)
class RailwaySandboxTest {

    static final String LOGS = "subscription($id: String!) { buildLogs(deploymentId: $id, limit: 500) "
            + "{ timestamp message severity attributes { key value } } }";
    static final String STATUS = "subscription($id: String!) { deployment(id: $id) { id status staticUrl } }";

    @Inject
    Vertx vertx;

    @BeforeEach
    void clear() {
        RailwayRecordingProxy.EXCHANGES.clear();
    }

    private final List<io.vertx.core.http.WebSocketClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(io.vertx.core.http.WebSocketClient::close);
    }

    @AfterEach
    void everyGraphqlExchangeMatchesTheSchema() {
        assertThat(RailwayContractTestBase.contractProblems(RailwayRecordingProxy.EXCHANGES)).isEmpty();
    }

    @Test
    void theWebsocketReplaysTheBacklogFirstThenStreamsNewLinesInTheSchemasShape() throws Exception {
        var alice = mint("alice");
        var ids = project(alice, "ws-" + suffix());
        String deploymentId = up(alice, ids, Map.of("index.html", "hi", ".sandbox/slow-build", ""))
                .path("deploymentId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> !logs(alice, deploymentId).isEmpty());

        var socket = open(alice.bearer());
        socket.send(new JsonObject().put("type", "connection_init"));
        assertThat(socket.next().getString("type")).isEqualTo("connection_ack");
        socket.send(new JsonObject().put("type", "ping"));
        assertThat(socket.next().getString("type")).isEqualTo("pong");
        socket.send(subscribe("1", LOGS, deploymentId));
        var received = new ArrayList<String>();
        int frames = 0;
        JsonObject frame;
        while (!"complete".equals((frame = socket.next()).getString("type"))) {
            assertThat(frame.getString("type")).isEqualTo("next");
            assertThat(frame.getString("id")).isEqualTo("1");
            String data = frame.getJsonObject("payload").getJsonObject("data").encode();
            assertThat(RailwaySchema.shapeProblems(LOGS, data)).isEmpty();
            var lines = frame.getJsonObject("payload").getJsonObject("data").getJsonArray("buildLogs");
            if (frames++ == 0) {
                assertThat(lines.size()).as("backlog").isPositive();
            } else {
                assertThat(lines.size()).as("later frames carry only new lines").isEqualTo(1);
            }
            lines.forEach(l -> received.add(((JsonObject) l).getString("message")));
        }
        assertThat(frames).isGreaterThan(2);
        assertThat(received).containsExactlyElementsOf(logs(alice, deploymentId));

        socket.send(subscribe("2", STATUS, deploymentId));
        frame = socket.next();
        assertThat(RailwaySchema.shapeProblems(STATUS, frame.getJsonObject("payload").getJsonObject("data")
                .encode())).isEmpty();
        assertThat(frame.getJsonObject("payload").getJsonObject("data").getJsonObject("deployment")
                .getString("status")).isEqualTo("SUCCESS");
        assertThat(socket.next().getString("type")).isEqualTo("complete");
        socket.close();
    }

    @Test
    void theWebsocketAcceptsSubscriptionsOnlyAfterAGoodConnectionInit() throws Exception {
        var alice = mint("alice");
        var ids = project(alice, "ws-auth-" + suffix());
        String deploymentId = up(alice, ids, Map.of("index.html", "hi")).path("deploymentId").asText();

        var early = open(null);
        early.send(subscribe("1", STATUS, deploymentId));
        assertThat(early.closeStatus()).isEqualTo((short) 4401);

        // Credentials belong to the connection: a bad token is refused at connection_init (4403 Forbidden).
        var forged = open(null);
        forged.send(new JsonObject().put("type", "connection_init").put("payload",
                new JsonObject().put("Authorization", "Bearer nope")));
        assertThat(forged.closeStatus()).isEqualTo((short) 4403);

        var viaInit = open(null);
        viaInit.send(new JsonObject().put("type", "connection_init").put("payload",
                new JsonObject().put("Authorization", alice.bearer())));
        assertThat(viaInit.next().getString("type")).isEqualTo("connection_ack");
        viaInit.send(subscribe("1", STATUS, deploymentId));
        assertThat(viaInit.next().getString("type")).isEqualTo("next");
        viaInit.close();
    }

    @Test
    void upRefusesBadOrOversizedArchivesElseCreatesAServiceWhenNoneIsGiven() throws IOException {
        var alice = mint("alice");
        var ids = project(alice, "up-" + suffix());
        String base = "/sandbox/railway/project/" + ids.get("projectId") + "/environment/" + ids.get("environmentId")
                + "/up";
        sandbox().header("Authorization", alice.bearer()).contentType("application/gzip")
                .body("not a gzip".getBytes(StandardCharsets.UTF_8)).post(base + "?serviceId=").then()
                .statusCode(400).body("message", org.hamcrest.Matchers.startsWith("Invalid gzip tarball"));
        byte[] random = new byte[1_100_000];
        new Random(3).nextBytes(random);
        sandbox().header("Authorization", alice.bearer()).contentType("application/gzip").body(random)
                .post(base + "?serviceId=").then().statusCode(413);
        sandbox().header("Authorization", mint("mallory").bearer()).contentType("application/gzip")
                .body(tarball(Map.of("a.txt", "a"))).post(base + "?serviceId=").then().statusCode(401);
        long started = stat("deploymentsStarted");

        Map<String, Object> reply = sandbox().header("Authorization", alice.bearer()).contentType("application/gzip")
                .body(tarball(Map.of("a.txt", "a"))).post(base + "?serviceId=").then().statusCode(200).extract()
                .as(Map.class);
        assertThat(reply).containsOnlyKeys("deploymentId", "url", "logsUrl", "deploymentDomain");
        assertThat((String) reply.get("deploymentDomain")).endsWith(".up.railway.app");
        String serviceId = ((String) reply.get("logsUrl")).replaceAll(".*/service/([^?]+).*", "$1");
        JsonNode services = graphql(alice,
                "query($id: String!) { project(id: $id) { services { edges { node { id } } } } }",
                Map.of("id", ids.get("projectId"))).path("data").path("project").path("services").path("edges");
        assertThat(services.findValuesAsText("id")).contains(serviceId);
        assertThat(stat("deploymentsStarted")).isEqualTo(started + 1);
    }

    @Test
    void graphqlErrorsUseRailwaysEnvelopeAndVariablesRedeployUnlessSkipped() throws IOException {
        var alice = mint("alice");
        assertThat(graphql(alice, "query { me { id } ", Map.of()).path("errors")).isNotEmpty();
        RailwayRecordingProxy.EXCHANGES.clear(); // that request was invalid on purpose
        JsonNode denied = graphql(PlatformCredential.of("nope"), "query { me { id } }", Map.of());
        assertThat(denied.path("errors").get(0).path("message").asText()).isEqualTo("Not Authorized");
        assertThat(denied.path("data").isNull()).isTrue();
        var ids = project(alice, "vars-" + suffix());
        String create = "mutation($input: ServiceCreateInput!) { serviceCreate(input: $input) { id name } }";
        assertThat(graphql(alice, create, Map.of("input", Map.of("projectId", ids.get("projectId"),
                "name", "x".repeat(33)))).path("errors")).isNotEmpty();
        assertThat(graphql(alice, create, Map.of("input", Map.of("projectId", ids.get("projectId"),
                "name", "web"))).path("errors").get(0).path("message").asText()).contains("unique");

        String deploymentId = up(alice, ids, Map.of("index.html", "v1")).path("deploymentId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SUCCESS".equals(graphql(alice,
                "query($id: String!) { deployment(id: $id) { status } }", Map.of("id", deploymentId))
                .path("data").path("deployment").path("status").asText()));
        String upsert = "mutation($input: VariableCollectionUpsertInput!) { variableCollectionUpsert(input: $input) }";
        long before = stat("deploymentsStarted");
        var input = new HashMap<String, Object>(Map.of("projectId", ids.get("projectId"), "environmentId",
                ids.get("environmentId"), "serviceId", ids.get("serviceId"), "variables", Map.of("A", "1"),
                "skipDeploys", true));
        assertThat(graphql(alice, upsert, Map.of("input", input)).path("data").path("variableCollectionUpsert")
                .asBoolean()).isTrue();
        assertThat(stat("deploymentsStarted")).isEqualTo(before);
        input.put("skipDeploys", false);
        graphql(alice, upsert, Map.of("input", input));
        assertThat(stat("deploymentsStarted")).isEqualTo(before + 1);
    }

    @Test
    void aProjectAccessTokenActsInItsProjectOnly() {
        var alice = mint("alice");
        var mine = project(alice, "scoped-" + suffix());
        var other = project(alice, "other-" + suffix());
        String token = sandbox().contentType("application/json").body(Map.of("username", "alice", "projectId",
                mine.get("projectId"))).post("/sandbox/railway/_sandbox/project-tokens").then().statusCode(201)
                .extract().path("token");
        String query = "query($id: String!) { project(id: $id) { id name } }";
        assertThat(projectTokenGraphql(token, query, Map.of("id", mine.get("projectId"))).path("data").path("project")
                .path("id").asText()).isEqualTo(mine.get("projectId"));
        assertThat(projectTokenGraphql(token, query, Map.of("id", other.get("projectId"))).path("errors").get(0)
                .path("message").asText()).isEqualTo("Not Authorized");
        assertThat(projectTokenGraphql(token, "query { me { id } }", Map.of()).path("errors")).isNotEmpty();
        try {
            sandbox().header("Project-Access-Token", token).contentType("application/gzip")
                    .body(tarball(Map.of("a.txt", "a"))).post("/sandbox/railway/project/" + mine.get("projectId")
                            + "/environment/" + mine.get("environmentId") + "/up?serviceId=" + mine.get("serviceId"))
                    .then().statusCode(200);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode projectTokenGraphql(String token, String query, Map<String, Object> variables) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(sandbox().contentType("application/json")
                    .header("Project-Access-Token", token).body(Map.of("query", query, "variables", variables))
                    .post("/sandbox/railway/graphql/v2").then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oauthDiscoveryConsentOrUserinfoAnswerLikeRailway() {
        sandbox().get("/sandbox/railway/oauth/.well-known/openid-configuration").then().statusCode(200)
                .body("code_challenge_methods_supported", org.hamcrest.Matchers.hasItem("S256"))
                .body("token_endpoint", org.hamcrest.Matchers.endsWith("/oauth/token"));
        String noOpenid = sandbox().redirects().follow(false).get("/sandbox/railway/oauth/auth?response_type=code"
                + "&client_id=c&redirect_uri=http://localhost/cb&scope=email&state=s").then().statusCode(302)
                .extract().header("Location");
        assertThat(noOpenid).contains("error=invalid_scope").contains("state=s");
        // offline_access without prompt=consent: no refresh token.
        String location = sandbox().redirects().follow(false).urlEncodingEnabled(false)
                .get("/sandbox/railway/oauth/auth?response_type=code"
                        + "&client_id=c&redirect_uri=http://localhost/cb&scope=openid%20offline_access&state=s"
                        + "&code_challenge=" + s256("x".repeat(43))
                        + "&code_challenge_method=S256&login_hint=gina")
                .then().statusCode(302).extract().header("Location");
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        Map<String, Object> tokens = sandbox().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", "http://localhost/cb").formParam("code_verifier", "x".repeat(43))
                .formParam("client_id", "c").post("/sandbox/railway/oauth/token").then().statusCode(200).extract()
                .as(Map.class);
        assertThat(tokens).containsKeys("access_token", "expires_in", "id_token", "scope", "token_type")
                .doesNotContainKey("refresh_token");
        sandbox().header("Authorization", "Bearer " + tokens.get("access_token")).get("/sandbox/railway/oauth/me")
                .then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo("gina"))
                .body("sub", org.hamcrest.Matchers.notNullValue());
        graphql(mint("gina"), "query { me { id } }", Map.of());
    }

    Socket open(String authorization) throws Exception {
        var client = vertx.createWebSocketClient();
        clients.add(client);
        return Socket.open(client, authorization);
    }
}
