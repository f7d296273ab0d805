package dev.deploygateway.platform.railway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

/**
 * Railway's schema ({@code contracts/railway/schema.json}, an introspection result) as graphql-java sees it: checks
 * that a document is valid, and that a response's {@code data} has exactly the shape the document and schema say
 * (every selected field present, no other, non-null respected, enum values known, scalars of the right JSON kind).
 */
public final class RailwaySchema {

    public static final GraphQLSchema SCHEMA = load();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RailwaySchema() {
    }

    @SuppressWarnings("unchecked")
    private static GraphQLSchema load() {
        try (InputStream in = RailwaySchema.class.getResourceAsStream("/contracts/railway/schema.json")) {
            Map<String, Object> raw = new ObjectMapper().readValue(in, Map.class);
            Map<String, Object> introspection = raw.containsKey("data") ? (Map<String, Object>) raw.get("data") : raw;
            Document sdl = new IntrospectionResultToSchema().createSchemaDefinition(introspection);
            return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(sdl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validation errors of a document against the schema (empty = valid). */
    public static List<String> validate(String document) {
        Document parsed;
        try {
            parsed = Parser.parse(document);
        } catch (graphql.parser.InvalidSyntaxException e) {
            return List.of("syntax: " + e.getMessage());
        }
        List<ValidationError> errors = new Validator().validateDocument(SCHEMA, parsed, Locale.ENGLISH);
        return errors.stream().map(ValidationError::getMessage).toList();
    }

    /** Problems of a response's {@code data} for a document (empty = the shape matches). */
    public static List<String> shapeProblems(String document, JsonNode data) {
        var op = (OperationDefinition) Parser.parse(document).getDefinitions().stream()
                .filter(d -> d instanceof OperationDefinition).findFirst().orElseThrow();
        GraphQLObjectType root = switch (op.getOperation()) {
            case MUTATION -> SCHEMA.getMutationType();
            case SUBSCRIPTION -> SCHEMA.getSubscriptionType();
            default -> SCHEMA.getQueryType();
        };
        var problems = new ArrayList<String>();
        object(root, op.getSelectionSet(), data, "data", problems);
        return problems;
    }

    public static List<String> shapeProblems(String document, String dataJson) {
        try {
            return shapeProblems(document, JSON.readTree(dataJson));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    private static void object(GraphQLFieldsContainer type, SelectionSet selection, JsonNode value, String path,
            List<String> problems) {
        if (!value.isObject()) {
            problems.add(path + ": expected an object of type " + type.getName() + ", got " + value.getNodeType());
            return;
        }
        Set<String> selected = new HashSet<>();
        for (Field field : selection.getSelectionsOfType(Field.class)) {
            String key = field.getAlias() == null ? field.getName() : field.getAlias();
            selected.add(key);
            if ("__typename".equals(field.getName())) {
                continue;
            }
            GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
            if (definition == null) {
                problems.add(path + "." + key + ": no field " + field.getName() + " on " + type.getName());
            } else if (!value.has(key)) {
                problems.add(path + "." + key + ": selected but missing");
            } else {
                check(definition.getType(), field.getSelectionSet(), value.get(key), path + "." + key, problems);
            }
        }
        value.fieldNames().forEachRemaining(name -> {
            if (!selected.contains(name)) {
                problems.add(path + "." + name + ": not selected");
            }
        });
    }

    private static void check(GraphQLType type, SelectionSet selection, JsonNode value, String path,
            List<String> problems) {
        if (type instanceof GraphQLNonNull nonNull) {
            if (value == null || value.isNull()) {
                problems.add(path + ": null for non-null " + nonNull.getWrappedType());
                return;
            }
            check(nonNull.getWrappedType(), selection, value, path, problems);
            return;
        }
        if (value == null || value.isNull()) {
            return;
        }
        if (type instanceof GraphQLList list) {
            if (!value.isArray()) {
                problems.add(path + ": expected a list");
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                check(list.getWrappedType(), selection, value.get(i), path + "[" + i + "]", problems);
            }
        } else if (type instanceof GraphQLFieldsContainer container) {
            object(container, selection, value, path, problems);
        } else if (type instanceof GraphQLEnumType enumType) {
            if (!value.isTextual() || enumType.getValue(value.asText()) == null) {
                problems.add(path + ": " + value + " is not a " + enumType.getName());
            }
        } else if (type instanceof GraphQLScalarType scalar) {
            boolean ok = switch (scalar.getName()) {
                case "String", "ID" -> value.isTextual();
                case "Int" -> value.isIntegralNumber();
                case "Float" -> value.isNumber();
                case "Boolean" -> value.isBoolean();
                case "DateTime" -> value.isTextual() && parses(value.asText());
                default -> true; // JSON-like custom scalars (EnvironmentVariables, SerializedTemplateConfig, …)
            };
            if (!ok) {
                problems.add(path + ": " + value + " is not a " + scalar.getName());
            }
        }
    }

    private static boolean parses(String instant) {
        try {
            Instant.parse(instant);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
