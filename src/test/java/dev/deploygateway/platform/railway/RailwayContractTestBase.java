package dev.deploygateway.platform.railway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.platform.PlatformCredential;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Every test of a subclass runs against the Railway sandbox through {@link RailwayRecordingProxy}; afterwards every
 * recorded GraphQL request must validate against Railway's schema and every answer must be either Railway's error
 * envelope or {@code data} in exactly the shape the schema gives the selection.
 */
public abstract class RailwayContractTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    public void startRecording() {
        RailwayRecordingProxy.EXCHANGES.clear();
    }

    @AfterEach
    public void everyGraphqlExchangeMatchesTheSchema() {
        assertThat(graphqlExchanges()).isNotEmpty();
        assertThat(contractProblems(RailwayRecordingProxy.EXCHANGES)).isEmpty();
    }

    static List<RailwayRecordingProxy.Exchange> graphqlExchanges() {
        return RailwayRecordingProxy.EXCHANGES.stream().filter(e -> e.uri().endsWith("/graphql/v2")).toList();
    }

    public static List<String> contractProblems(List<RailwayRecordingProxy.Exchange> exchanges) {
        var problems = new ArrayList<String>();
        for (var exchange : exchanges) {
            if (!exchange.uri().endsWith("/graphql/v2")) {
                continue;
            }
            try {
                String query = JSON.readTree(exchange.requestBody()).path("query").asText();
                JsonNode response = JSON.readTree(exchange.responseBody());
                RailwaySchema.validate(query).forEach(p -> problems.add("request: " + p));
                if (response.path("errors").isArray()) {
                    response.path("errors").forEach(e -> {
                        if (!e.path("message").isTextual()) {
                            problems.add("error without message: " + e);
                        }
                    });
                    if (!response.path("data").isNull()) {
                        problems.add("errors with data: " + response);
                    }
                } else {
                    RailwaySchema.shapeProblems(query, response.path("data")).forEach(p -> problems.add(
                            "response: " + p));
                }
            } catch (IOException e) {
                problems.add("not JSON: " + e.getMessage());
            }
        }
        return problems;
    }

    /** A request to the sandbox through the recording proxy. */
    public static RequestSpecification sandbox() {
        return given().baseUri(RailwayRecordingProxy.baseUri()).port(-1);
    }

    public static PlatformCredential mint(String user) {
        String token = sandbox().contentType(ContentType.JSON).body(Map.of("username", user))
                .post("/sandbox/railway/_sandbox/tokens").then().statusCode(201).extract().path("token");
        return PlatformCredential.of(token);
    }

    public static long stat(String name) {
        return ((Number) sandbox().get("/sandbox/railway/_sandbox/stats").then().statusCode(200).extract()
                .path(name)).longValue();
    }

    /** Runs a GraphQL document as {@code credential} through the proxy (so the exchange is checked, too). */
    public static JsonNode graphql(PlatformCredential credential, String query, Map<String, Object> variables) {
        String body = sandbox().contentType(ContentType.JSON).header("Authorization", credential.bearer())
                .body(Map.of("query", query, "variables", variables)).post("/sandbox/railway/graphql/v2").then()
                .statusCode(200).extract().asString();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }
}
