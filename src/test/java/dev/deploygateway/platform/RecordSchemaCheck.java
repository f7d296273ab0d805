package dev.deploygateway.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a platform client's record types against the platform's OpenAPI document, from the client interface
 * itself so the two cannot drift: for every method, the record it reads (the {@code Uni}'s item, a list's element, a
 * {@code RestResponse}'s entity) against the operation's success schema, and the record it sends against the
 * request body schema. A member a record binds must be a property of the schema (of some {@code oneOf} branch),
 * with a JSON type its Java type can hold; a member the record requires must be required by every branch declaring
 * it; a request record must carry every member the schema requires. Nested records are checked the same way.
 */
public final class RecordSchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Class<?>, Set<String>> JSON_TYPES = Map.ofEntries(Map.entry(String.class,
            Set.of("string")), Map.entry(long.class, Set.of("number", "integer")),
            Map.entry(Long.class, Set.of("number", "integer")), Map.entry(int.class, Set.of("number", "integer")),
            Map.entry(Integer.class, Set.of("number", "integer")), Map.entry(boolean.class, Set.of("boolean")),
            Map.entry(Boolean.class, Set.of("boolean")), Map.entry(double.class, Set.of("number")));

    private final JsonNode document;
    private final String prefix;

    /** {@code prefix} is the part of the client's base URL the document's paths leave out (Render's {@code /v1}). */
    public RecordSchemaCheck(Path document, String prefix) {
        try {
            this.document = JSON.readTree(Files.readString(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.prefix = prefix;
    }

    /** The problems of one client interface; {@code undocumented} paths (as in the interface) are skipped. */
    public List<String> check(Class<?> client, Set<String> undocumented) {
        var problems = new ArrayList<String>();
        for (Method method : client.getDeclaredMethods()) {
            String verb = verb(method);
            jakarta.ws.rs.Path path = method.getAnnotation(jakarta.ws.rs.Path.class);
            if (verb == null || path == null || undocumented.contains(path.value())) {
                continue;
            }
            String where = verb.toUpperCase() + " " + path.value();
            JsonNode operation = operation(path.value(), verb);
            if (operation == null) {
                problems.add(where + ": not in the document");
                continue;
            }
            Type read = body(method.getGenericReturnType());
            if (read != null) {
                JsonNode schema = successSchema(operation);
                if (schema == null) {
                    problems.add(where + ": the document gives no JSON success body");
                } else {
                    compareType(where + " answer", raw(read), read, resolve(schema), false, problems);
                }
            }
            for (Parameter parameter : method.getParameters()) {
                Type sent = parameter.getAnnotations().length == 0 ? body(parameter.getParameterizedType()) : null;
                if (sent != null) {
                    JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
                    if (schema.isMissingNode()) {
                        problems.add(where + ": the document gives no JSON request body");
                    } else {
                        compareType(where + " body", raw(sent), sent, resolve(schema), true, problems);
                    }
                }
            }
        }
        return problems;
    }

    /** The problems of one record against a schema at a JSON pointer (e.g. a stream's line). */
    public List<String> check(Class<?> record, String pointer) {
        var problems = new ArrayList<String>();
        compare(pointer, record, document.at(pointer), false, problems);
        return problems;
    }

    private void compare(String where, Class<?> record, JsonNode rawSchema, boolean request, List<String> problems) {
        List<JsonNode> branches = branches(rawSchema);
        var names = new HashSet<String>();
        for (RecordComponent component : record.getRecordComponents()) {
            JsonProperty annotation = component.getAccessor().getAnnotation(JsonProperty.class);
            if (annotation == null) {
                annotation = fieldAnnotation(record, component);
            }
            String name = annotation != null && !annotation.value().isEmpty() ? annotation.value()
                    : component.getName();
            names.add(name);
            String at = where + " ." + name;
            List<JsonNode> declaring = branches.stream().filter(b -> b.path("properties").has(name)).toList();
            if (declaring.isEmpty()) {
                problems.add(at + ": not a member of the schema");
                continue;
            }
            if (annotation != null && annotation.required()
                    && declaring.stream().anyMatch(b -> !requiredIn(b).contains(name))) {
                problems.add(at + ": required by the record but optional in the document");
            }
            JsonNode property = resolve(declaring.get(0).path("properties").path(name));
            compareType(at, component.getType(), component.getGenericType(), property, request, problems);
        }
        // A request must be a whole value of one branch (a oneOf of an inline or an uploaded file, say).
        if (request && branches.stream().noneMatch(b -> names.containsAll(requiredIn(b)))) {
            requiredIn(branches.get(0)).stream().filter(r -> !names.contains(r)).sorted().forEach(r -> problems
                    .add(where + " ." + r + ": required by the document, not sent"));
        }
    }

    private void compareType(String at, Class<?> type, Type generic, JsonNode property, boolean request,
            List<String> problems) {
        Set<String> types = jsonTypes(property);
        if (type.isRecord()) {
            if (!types.contains("object")) {
                problems.add(at + ": a record, but the document says " + types);
            } else {
                compare(at, type, property, request, problems);
            }
        } else if (List.class.isAssignableFrom(type)) {
            if (!types.contains("array")) {
                problems.add(at + ": a list, but the document says " + types);
                return;
            }
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            JsonNode items = resolve(branches(property).stream().filter(b -> b.has("items")).findFirst()
                    .orElse(property).path("items"));
            if (element instanceof Class<?> c) {
                compareType(at + "[]", c, c, items, request, problems);
            }
        } else if (Map.class.isAssignableFrom(type)) {
            Type value = ((ParameterizedType) generic).getActualTypeArguments()[1];
            if (!types.contains("object")) {
                problems.add(at + ": a map, but the document says " + types);
            } else if (value instanceof Class<?> c && c.isRecord()) {
                // A map of records is the document's additionalProperties (Vercel's project targets, say).
                JsonNode values = resolve(property.path("additionalProperties"));
                if (values.isObject()) {
                    compareType(at + "{}", c, c, values, request, problems);
                } else {
                    problems.add(at + ": a map of records, but the document gives no additionalProperties");
                }
            }
        } else if (JSON_TYPES.containsKey(type) && !types.isEmpty()
                && types.stream().noneMatch(JSON_TYPES.get(type)::contains)) {
            problems.add(at + ": " + type.getSimpleName() + ", but the document says " + types);
        }
    }

    private static JsonProperty fieldAnnotation(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private Set<String> jsonTypes(JsonNode schema) {
        var types = new HashSet<String>();
        for (JsonNode branch : branches(schema)) {
            if (branch.has("type")) {
                types.add(branch.path("type").asText());
            } else if (branch.has("properties")) {
                types.add("object");
            }
        }
        return types;
    }

    /** The alternatives a value of this schema may take: {@code oneOf}/{@code anyOf} branches, {@code allOf} merged. */
    private List<JsonNode> branches(JsonNode raw) {
        JsonNode schema = resolve(raw);
        var list = new ArrayList<JsonNode>();
        for (String key : List.of("oneOf", "anyOf")) {
            schema.path(key).forEach(b -> list.addAll(branches(b)));
        }
        if (schema.has("allOf")) {
            var merged = JSON.createObjectNode();
            var properties = merged.putObject("properties");
            var required = merged.putArray("required");
            merged.put("type", "object");
            schema.path("allOf").forEach(part -> branches(part).forEach(b -> {
                properties.setAll((com.fasterxml.jackson.databind.node.ObjectNode) b.path("properties").deepCopy());
                b.path("required").forEach(required::add);
            }));
            list.add(merged);
        }
        if (list.isEmpty() || schema.has("properties") || schema.has("type")) {
            list.add(schema);
        }
        return list;
    }

    private static Set<String> requiredIn(JsonNode branch) {
        var required = new HashSet<String>();
        branch.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current.has("$ref")) {
            current = document.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    private JsonNode operation(String path, String verb) {
        String wanted = template(path);
        var paths = document.path("paths");
        for (var it = paths.fieldNames(); it.hasNext();) {
            String candidate = it.next();
            if (template(prefix + candidate).equals(wanted) || template(candidate).equals(wanted)) {
                JsonNode operation = paths.path(candidate).path(verb);
                return operation.isMissingNode() ? null : operation;
            }
        }
        return null;
    }

    private static String template(String path) {
        return path.replaceAll("\\{[^}]+}", "{}");
    }

    private JsonNode successSchema(JsonNode operation) {
        for (String status : List.of("200", "201", "202")) {
            JsonNode schema = resolve(operation.path("responses").path(status)).at("/content/application~1json/schema");
            if (!schema.isMissingNode()) {
                return schema;
            }
        }
        return null;
    }

    private static String verb(Method method) {
        for (var annotation : List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)) {
            if (method.isAnnotationPresent(annotation)) {
                return annotation.getSimpleName().toLowerCase();
            }
        }
        return null;
    }

    /**
     * The JSON body a generic type stands for, when it is built of records: {@code R} or {@code List<R>}, also
     * inside {@code Uni<…>} or {@code RestResponse<…>}. Null for untyped bodies ({@code Response}, strings, bytes).
     */
    private static Type body(Type type) {
        if (type instanceof ParameterizedType p && !List.class.equals(p.getRawType())) {
            return body(p.getActualTypeArguments()[0]);
        }
        Class<?> raw = raw(type);
        boolean records = raw.isRecord() || List.class.equals(raw)
                && raw(((ParameterizedType) type).getActualTypeArguments()[0]).isRecord();
        return records ? type : null;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
