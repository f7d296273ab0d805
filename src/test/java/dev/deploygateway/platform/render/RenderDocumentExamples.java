package dev.deploygateway.platform.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Example bodies taken from Render's OpenAPI document. The document gives few whole example bodies, so an example
 * is assembled from the schema itself: every required member (every member when none is required, and every member
 * that has an {@code example}), each
 * with the document's own {@code example} or {@code default} where it gives one, else its first {@code enum} value,
 * else a value of its type and format; a {@code oneOf} takes the branch asked for.
 */
final class RenderDocumentExamples {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static JsonNode document;

    private RenderDocumentExamples() {
    }

    static synchronized JsonNode document() {
        if (document == null) {
            try {
                document = JSON.readTree(Files.readString(Path.of("src/test/resources/contracts/render/openapi.json")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return document;
    }

    /** An example of {@code components/schemas/<name>}; {@code branch} picks a {@code oneOf} alternative by name. */
    static ObjectNode schema(String name, String branch) {
        return (ObjectNode) example(document().path("components").path("schemas").path(name), branch, 0);
    }

    /** An example of the schema at a JSON pointer into the document. */
    static JsonNode at(String pointer, String branch) {
        return example(document().at(pointer), branch, 0);
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            current = document().at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    private static JsonNode example(JsonNode raw, String branch, int depth) {
        JsonNode schema = resolve(raw);
        if (schema.has("example")) {
            return schema.path("example");
        }
        if (schema.has("default")) {
            return schema.path("default");
        }
        if (schema.has("oneOf")) {
            JsonNode chosen = schema.path("oneOf").get(0);
            for (JsonNode option : schema.path("oneOf")) {
                if (option.path("$ref").asText().endsWith("/" + branch)) {
                    chosen = option;
                }
            }
            return example(chosen, branch, depth + 1);
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> object(schema, branch, depth);
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6) {
                    array.add(example(schema.path("items"), branch, depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(false);
            default -> NODES.textNode("date-time".equals(schema.path("format").asText())
                    ? "2021-07-15T07:20:05.777035-07:00" : "example");
        };
    }

    private static ObjectNode object(JsonNode schema, String branch, int depth) {
        ObjectNode object = NODES.objectNode();
        var required = new HashSet<String>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        Iterator<String> names = schema.path("properties").fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode property = schema.path("properties").path(name);
            // Without a required list (wrappers such as ownerWithCursor) every member is shown.
            if (required.contains(name) || required.isEmpty() || resolve(property).has("example")) {
                object.set(name, example(property, branch, depth + 1));
            }
        }
        return object;
    }
}
