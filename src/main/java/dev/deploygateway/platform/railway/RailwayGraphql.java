package dev.deploygateway.platform.railway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.deploygateway.config.RailwayConfig;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * Runs the GraphQL documents kept in {@code src/main/resources/railway/graphql/<name>.graphql} (and validated
 * against Railway's schema in tests) against {@code RAILWAY_API_URL}. Answers the {@code data} object; a response
 * with {@code errors} fails with {@link RailwayApiException} carrying the first error's message and code.
 */
@ApplicationScoped
class RailwayGraphql {

    static final String RESOURCE_DIR = "railway/graphql/";

    private final Map<String, String> documents = new ConcurrentHashMap<>();
    private final RailwayHttp http;
    private final RailwayCalls calls;
    private final RailwayConfig config;
    private final ObjectMapper json;

    RailwayGraphql(RailwayHttp http, RailwayCalls calls, RailwayConfig config, ObjectMapper json) {
        this.http = http;
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
        ObjectNode body = json.createObjectNode().put("query", document(document));
        body.set("variables", variables);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return http.send(HttpMethod.POST, config.apiUrl(), Map.of("Authorization", credential.bearer(),
                "Content-Type", "application/json", "Accept", "application/json"), Buffer.buffer(bytes))
                .map(reply -> data(reply));
    }

    private JsonNode data(RailwayHttp.Reply reply) {
        JsonNode tree;
        try {
            tree = json.readTree(reply.body().getBytes());
        } catch (IOException e) {
            tree = null;
        }
        if (tree != null && tree.path("errors").isArray() && !tree.path("errors").isEmpty()) {
            JsonNode first = tree.path("errors").get(0);
            throw new RailwayApiException(reply.status(), first.path("extensions").path("code").asText(""),
                    first.path("message").asText(""), RailwayApiException.retryAfter(reply.retryAfter()));
        }
        if (reply.status() != 200 || tree == null || !tree.path("data").isObject()) {
            throw new RailwayApiException(reply.status(), "",
                    tree == null ? "" : tree.path("message").asText(""),
                    RailwayApiException.retryAfter(reply.retryAfter()));
        }
        return tree.path("data");
    }

    static Optional<String> text(JsonNode node) {
        return Optional.ofNullable(node).filter(JsonNode::isTextual).map(JsonNode::asText).filter(s -> !s.isBlank());
    }
}
