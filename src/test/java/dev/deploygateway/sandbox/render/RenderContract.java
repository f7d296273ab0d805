package dev.deploygateway.sandbox.render;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.deploygateway.sandbox.ContractProxy;
import dev.deploygateway.sandbox.OpenApiTraffic;
import dev.deploygateway.sandbox.RecordingProxy;
import dev.deploygateway.sandbox.github.GitHubContract;
import io.restassured.http.ContentType;

/**
 * Every test of a subclass records its traffic through {@link ContractProxy}; afterwards every exchange with the Render
 * sandbox must conform to {@code contracts/render/openapi.json}, and every exchange with the GitHub sandbox to the
 * GitHub subset (Render deployments push to GitHub first).
 */
public abstract class RenderContract {

    public static final OpenApiTraffic TRAFFIC = new OpenApiTraffic("src/test/resources/contracts/render/openapi.json",
            "/sandbox/render/v1", RenderContract::repair, RenderContract::undocumented, RenderContract::excused);
    private static final List<Pattern> UNDOCUMENTED = List.of(Pattern.compile("^/logs/subscribe$"));

    @BeforeEach
    public void startRecording() {
        given().delete("/sandbox/render/_sandbox/rate-limit").then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("enabled", true))
                .post("/sandbox/render/_sandbox/repository-access").then().statusCode(204);
        ContractProxy.clear();
    }

    @AfterEach
    public void everyExchangeMatchesTheContracts() {
        var exchanges = ContractProxy.exchanges();
        assertThat(TRAFFIC.problems(exchanges)).isEmpty();
        assertThat(GitHubContract.TRAFFIC.problems(exchanges)).isEmpty();
    }

    /**
     * Operations answer errors by reference ({@code $ref: #/components/responses/400BadRequest}); the validator does
     * not follow those and would call every documented error body unexpected, so they are inlined.
     */
    private static void inlineResponses(ObjectNode document) {
        var responses = document.path("components").path("responses");
        document.path("paths").forEach(path -> path.forEach(operation -> {
            if (operation.path("responses") instanceof ObjectNode byStatus) {
                byStatus.fieldNames().forEachRemaining(status -> {
                    String ref = byStatus.path(status).path("$ref").asText("");
                    if (ref.startsWith("#/components/responses/")) {
                        byStatus.set(status, responses.path(ref.substring(ref.lastIndexOf('/') + 1)).deepCopy());
                    }
                });
            }
        }));
    }

    static boolean undocumented(String path) {
        return UNDOCUMENTED.stream().anyMatch(p -> p.matcher(path).matches());
    }

    /**
     * Where recorded real answers depart from the document (platform-contracts §3.10), the sandbox answers like the
     * real API and the finding is excused: Postgres objects without {@code project} and with {@code ipAllowList:
     * null}, a running deploy's {@code finishedAt: null}, a service's {@code serviceDetails} matching several
     * {@code oneOf} branches at once, and {@code autoDeployTrigger} on services (static sites carry it; the
     * document does not declare it and forbids other members).
     */
    static boolean excused(RecordingProxy.Exchange exchange, String message) {
        boolean postgres = exchange.uri().contains("/postgres");
        return (postgres && (message.contains("[\"project\"]") || message.contains("/ipAllowList")))
                || (message.contains("/finishedAt") && message.contains("null"))
                || (message.contains("/serviceDetails") && message.contains("oneOf"))
                || message.contains("matched 2 out of") && message.contains("serviceDetails")
                || message.contains("not allowed by the schema: [\"autoDeployTrigger\"]");
    }

    /**
     * {@code GET /logs} answers {@code components/responses/Logs200Response}, whose log items point into a path's
     * response ({@code #/paths/~1logs~1subscribe/…/schema}); the parser cannot follow a reference into a path and
     * drops the body, so every logs answer would count as "no body expected". The log schema is moved to
     * {@code components/schemas} and the response inlined into the operation: the same shape, reachable.
     */
    static ObjectNode repair(ObjectNode document) {
        inlineResponses(document);
        var schemas = (ObjectNode) document.path("components").path("schemas");
        schemas.set("gatewayLog", document.at("/paths/~1logs~1subscribe/get/responses/101/content/application~1json"
                + "/schema").deepCopy());
        var logs = (ObjectNode) document.at("/components/responses/Logs200Response").deepCopy();
        ((ObjectNode) logs.at("/content/application~1json/schema/properties/logs/items")).removeAll()
                .put("$ref", "#/components/schemas/gatewayLog");
        ((ObjectNode) document.at("/paths/~1logs/get/responses")).set("200", logs);
        return document;
    }

    public static Map<String, Object> mintKey(String username) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username))
                .post("/sandbox/render/_sandbox/keys").then().statusCode(201).extract().as(Map.class);
    }

    public static long renderStat(String name) {
        return ((Number) given().get("/sandbox/render/_sandbox/stats").then().statusCode(200).extract().path(name))
                .longValue();
    }

    public static void repositoryAccess(boolean enabled) {
        given().contentType(ContentType.JSON).body(Map.of("enabled", enabled))
                .post("/sandbox/render/_sandbox/repository-access").then().statusCode(204);
    }

    public static void forceRateLimit(int retryAfterSeconds, String pathContains) {
        given().contentType(ContentType.JSON).body(Map.of("count", 1, "retryAfterSeconds", retryAfterSeconds,
                "pathContains", pathContains)).post("/sandbox/render/_sandbox/rate-limit").then().statusCode(201);
    }

    /** Per deploy of a service, newest first: its status and the env var names its build saw. */
    public static List<Map<String, Object>> builds(String serviceId) {
        return given().get("/sandbox/render/_sandbox/services/" + serviceId + "/deploys").then().statusCode(200)
                .extract().jsonPath().getList("");
    }
}
