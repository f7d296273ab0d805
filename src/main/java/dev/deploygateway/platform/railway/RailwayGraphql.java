package dev.deploygateway.platform.railway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.deploygateway.config.RailwayConfig;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/**
 * Runs the GraphQL documents kept in {@code src/main/resources/railway/graphql/<name>.graphql} (and validated
 * against Railway's schema in tests) against {@code RAILWAY_API_URL} through the {@link RailwayApi} REST client.
 * Answers the {@code data} object; a response with {@code errors} fails with {@link RailwayApiException} carrying
 * the first error's message and code.
 */
@ApplicationScoped
class RailwayGraphql {

    static final String RESOURCE_DIR = "railway/graphql/";

    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final RailwayApi api;
    private final RailwayCalls calls;
    private final RailwayConfig config;
    private final ObjectMapper json;

    RailwayGraphql(@RestClient RailwayApi api, RailwayCalls calls, RailwayConfig config, ObjectMapper json) {
        this.api = api;
        this.calls = calls;
        this.config = config;
        this.json = json;
    }

    /** A query: retried on 5xx/network errors. */
    Uni<JsonNode> query(PlatformCredential credential, PlatformStep step, String document, ObjectNode variables) {
        return calls.idempotent(step, () -> post(credential, document, variables));
    }

    /** A mutation: never retried beyond a 429 (Railway did not act on it). */
    Uni<JsonNode> mutate(PlatformCredential credential, PlatformStep step, String document, ObjectNode variables) {
        return calls.once(step, () -> post(credential, document, variables));
    }

    ObjectNode variables() {
        return json.createObjectNode();
    }

    /** {@code {"input": input}}, the variables of the mutations that take one input object. */
    ObjectNode input(ObjectNode input) {
        ObjectNode vars = variables();
        vars.set("input", input);
        return vars;
    }

    /** The text of a document, loaded once from the classpath. */
    String document(String name) {
        return documents.computeIfAbsent(name, n -> {
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(RESOURCE_DIR + n + ".graphql")) {
                if (in == null) {
                    throw new IllegalStateException("Missing GraphQL document " + n);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Uni<JsonNode> post(PlatformCredential credential, String document, ObjectNode variables) {
        var request = new RailwayWire.GraphqlRequest(document(document), variables);
        return api.graphql(config.apiUrl().toString(), credential.bearer(), request).map(RailwayGraphql::data);
    }

    private static JsonNode data(RailwayWire.GraphqlResponse response) {
        if (!response.errors().isEmpty()) {
            RailwayWire.GraphqlError first = response.errors().get(0);
            throw new RailwayApiException(200, first.code(), first.message(), Optional.empty());
        }
        if (response.data() == null || !response.data().isObject()) {
            throw new RailwayApiException(200, "", "Railway answered without data", Optional.empty());
        }
        return response.data();
    }

    static Optional<String> text(JsonNode node) {
        return Optional.ofNullable(node).filter(JsonNode::isTextual).map(JsonNode::asText).filter(s -> !s.isBlank());
    }
}
