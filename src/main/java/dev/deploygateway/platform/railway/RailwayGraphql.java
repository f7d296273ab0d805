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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
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
    <T> Uni<T> query(PlatformCredential credential, PlatformStep step, RailwayData.Operation<T> operation,
            ObjectNode variables) {
        return calls.idempotent(step, () -> post(credential, operation, variables));
    }

    /** A mutation: never retried beyond a 429 (Railway did not act on it). */
    <T> Uni<T> mutate(PlatformCredential credential, PlatformStep step, RailwayData.Operation<T> operation,
            ObjectNode variables) {
        return calls.once(step, () -> post(credential, operation, variables));
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

    private <T> Uni<T> post(PlatformCredential credential, RailwayData.Operation<T> operation,
            ObjectNode variables) {
        var request = new RailwayWire.GraphqlRequest(document(operation.document()), variables);
        return api.graphql(config.apiUrl().toString(), credential.bearer(), request)
                .map(response -> bind(operation, data(response)));
    }

    /** An inbound websocket frame, parsed once (its {@code next} data then binds with {@link #bind}). */
    RailwayWire.SocketFrame frame(String text) {
        try {
            return json.readValue(text, RailwayWire.SocketFrame.class);
        } catch (JsonProcessingException e) {
            throw new RailwayApiException(200, "", "Railway sent a websocket frame that is not JSON",
                    Optional.empty());
        }
    }

    /** The {@code data} as the operation's record; names only the member that failed, never a value. */
    <T> T bind(RailwayData.Operation<T> operation, JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new RailwayApiException(200, "", "Railway's answer to " + operation.document() + " has no data",
                    Optional.empty());
        }
        try {
            return json.treeToValue(data, operation.data());
        } catch (JsonProcessingException e) {
            String member = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                    .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                    .reduce((a, b) -> a + "." + b).orElse("data") : "data";
            throw new RailwayApiException(200, "", "Railway's answer to " + operation.document()
                    + " lacks or mistypes " + member, Optional.empty());
        }
    }

    private static JsonNode data(RailwayWire.GraphqlResponse response) {
        if (!response.errors().isEmpty()) {
            RailwayWire.GraphqlError first = response.errors().get(0);
            throw new RailwayApiException(200, first.code(), first.message(), Optional.empty());
        }
        return response.data(); // bind refuses an answer without data
    }
}
