package dev.deploygateway.sandbox.railway;

import static dev.deploygateway.platform.railway.RailwayContractTestBase.graphql;
import static dev.deploygateway.platform.railway.RailwayContractTestBase.mint;
import static dev.deploygateway.platform.railway.RailwayContractTestBase.suffix;
import static dev.deploygateway.sandbox.railway.RailwaySandboxFixtures.logs;
import static dev.deploygateway.sandbox.railway.RailwaySandboxFixtures.project;
import static dev.deploygateway.sandbox.railway.RailwaySandboxFixtures.up;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.railway.RailwayRecordingProxy;
import dev.deploygateway.sandbox.NodePresent;
import dev.deploygateway.sandbox.NodeScripts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Conformance with Railway's schema and the reference {@code graphql-transport-ws} client: every GraphQL answer the
 * sandbox gives (over HTTP, recorded by the proxy, and over the websocket, as {@code graphql-ws} received it) is
 * replayed against the schema for the document that produced it ({@link RailwayReplay}).
 */
@QuarkusTest
@WithTestResource(RailwayRecordingProxy.class)
class RailwayConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOG_FIELDS = "fragment LogFields on Log { __typename timestamp message severity "
            + "attributes { key value } }";

    @BeforeEach
    void clear() {
        RailwayRecordingProxy.EXCHANGES.clear();
    }

    @Test
    void everyHttpAnswerReplaysAgainstTheSchemaForItsDocument() {
        var alice = mint("conform");
        var ids = project(alice, "conform-" + suffix());
        String deploymentId = up(alice, ids, Map.of("index.html", "<p>x</p>")).path("deploymentId").asText();
        await().atMost(Duration.ofSeconds(10)).until(() -> status(alice, deploymentId).equals("SUCCESS"));
        Map<String, Object> project = Map.of("id", ids.get("projectId"));
        Map<String, Object> scope = Map.of("p", ids.get("projectId"), "e", ids.get("environmentId"), "s",
                ids.get("serviceId"));
        graphql(alice, "query { me { __typename id name email workspaces { id name } } }", Map.of());
        graphql(alice, "query($id: String!) { project(id: $id) { ...P services { edges { node { id name } } } } } "
                + "fragment P on Project { __typename id name createdAt environments { edges { node { id } } } }",
                project);
        graphql(alice, "query { mine: projects(first: 5) { edges { node { id name } } pageInfo { hasNextPage } } }",
                Map.of());
        graphql(alice, "query($id: String!) { deployment(id: $id) { id status staticUrl canRollback createdAt } }",
                Map.of("id", deploymentId));
        graphql(alice, "query($id: String!) { buildLogs(deploymentId: $id) { ...LogFields } } " + LOG_FIELDS,
                Map.of("id", deploymentId));
        graphql(alice, "query($p: String!, $e: String!, $s: String!) { variables(projectId: $p, environmentId: $e, "
                + "serviceId: $s) }", scope);
        graphql(alice, "query($p: String!, $e: String!, $s: String!) { domains(projectId: $p, environmentId: $e, "
                + "serviceId: $s) { serviceDomains { domain suffix } customDomains { domain } } }", scope);
        graphql(alice, "mutation($in: ServiceDomainCreateInput!) { serviceDomainCreate(input: $in) { id domain } }",
                Map.of("in", Map.of("environmentId", ids.get("environmentId"), "serviceId", ids.get("serviceId"))));
        JsonNode template = graphql(alice, "query { template(code: \"postgres\") { id serializedConfig } }",
                Map.of()).path("data").path("template");
        String workflow = graphql(alice, "mutation($in: TemplateDeployV2Input!) { templateDeployV2(input: $in) "
                + "{ projectId workflowId } }",
                Map.of("in", Map.of("projectId", ids.get("projectId"),
                        "environmentId", ids.get("environmentId"), "templateId", template.path("id").asText(),
                        "serializedConfig", JSON.convertValue(template.path("serializedConfig"), Map.class))))
                .path("data").path("templateDeployV2").path("workflowId").asText();
        graphql(alice, "query($id: String!) { workflowStatus(workflowId: $id) { status error } }",
                Map.of("id", workflow));
        graphql(alice, "mutation($id: String!) { deploymentRedeploy(id: $id) { id status } }",
                Map.of("id", deploymentId));
        graphql(alice, "query { me { id noSuchField } }", Map.of());
        graphql(PlatformCredential.of("forged"), "query { me { id } }", Map.of());

        var problems = new ArrayList<String>();
        var graphqlExchanges = RailwayRecordingProxy.EXCHANGES.stream().filter(e -> e.uri().endsWith("/graphql/v2"))
                .toList();
        for (var exchange : graphqlExchanges) {
            problems.addAll(problems(exchange.requestBody(), exchange.responseBody()));
        }
        assertThat(graphqlExchanges).hasSizeGreaterThanOrEqualTo(16);
        assertThat(problems).isEmpty();
    }

    @Test
    @ExtendWith(NodePresent.class)
    void theReferenceGraphqlWsClientFollowsABuildWithReplayableFrames() {
        var alice = mint("gqlws");
        var ids = project(alice, "gqlws-" + suffix());
        String deploymentId = up(alice, ids, Map.of("index.html", "hi", ".sandbox/slow-build", ""))
                .path("deploymentId").asText();
        List<JsonNode> lines = NodeScripts.run("railway-ws.js", List.of(socketUrl(), deploymentId),
                Map.of("RAILWAY_TOKEN", alice.accessToken()), Duration.ofSeconds(60));

        var received = new ArrayList<String>();
        var problems = new ArrayList<String>();
        for (JsonNode line : lines) {
            if (!line.has("payload")) {
                continue;
            }
            JsonNode data = line.path("payload").path("data");
            boolean logFrame = line.path("id").asText().equals("logs");
            problems.addAll(RailwayReplay.problems(logFrame ? RailwayWsDocuments.LOGS : RailwayWsDocuments.STATUS,
                    logFrame ? Map.of("deploymentId", deploymentId) : Map.of("id", deploymentId), data));
            if (logFrame) {
                data.path("buildLogs").forEach(l -> received.add(l.path("message").asText()));
            }
        }
        assertThat(problems).isEmpty();
        assertThat(lines).anyMatch(l -> l.path("complete").asText().equals("logs"))
                .anyMatch(l -> l.path("complete").asText().equals("status"))
                .noneMatch(l -> l.has("error") || l.has("closed"));
        assertThat(received).containsExactlyElementsOf(logs(alice, deploymentId));
        assertThat(lines.stream().filter(l -> l.path("id").asText().equals("status")).reduce((a, b) -> b)
                .orElseThrow().path("payload").path("data").path("deployment").path("status").asText())
                .isEqualTo("SUCCESS");
    }

    @Test
    @ExtendWith(NodePresent.class)
    void theReferenceClientIsRefusedWithForbiddenForABadToken() {
        List<JsonNode> lines = NodeScripts.run("railway-ws.js", List.of(socketUrl(), "no-such-deployment"),
                Map.of("RAILWAY_TOKEN", "forged"), Duration.ofSeconds(30));
        assertThat(lines).isNotEmpty().allMatch(l -> l.path("closed").asInt() == 4403);
    }

    /** What one recorded exchange says about the sandbox: an error envelope, or data that replays exactly. */
    @SuppressWarnings("unchecked")
    static List<String> problems(byte[] requestBody, byte[] responseBody) {
        try {
            JsonNode request = JSON.readTree(requestBody);
            JsonNode response = JSON.readTree(responseBody);
            if (response.has("errors")) {
                var problems = new ArrayList<String>();
                if (!response.path("data").isNull()) {
                    problems.add("errors with data: " + response);
                }
                response.path("errors").forEach(e -> {
                    if (!e.path("message").isTextual() || !e.path("extensions").path("code").isTextual()) {
                        problems.add("error without message or code: " + e);
                    }
                });
                return problems;
            }
            Map<String, Object> variables = request.has("variables")
                    ? JSON.convertValue(request.get("variables"), Map.class) : Map.of();
            return RailwayReplay.problems(request.path("query").asText(), variables, response.path("data"));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    private static String status(PlatformCredential credential, String deploymentId) {
        return graphql(credential, "query($id: String!) { deployment(id: $id) { status } }",
                Map.of("id", deploymentId)).path("data").path("deployment").path("status").asText();
    }

    private static String socketUrl() {
        return "ws://localhost:" + RailwayRecordingProxy.appPort() + "/sandbox/railway/graphql/v2";
    }
}
