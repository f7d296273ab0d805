package dev.deploygateway.sandbox.railway;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

/**
 * The custom scalars of Railway's schema. The introspection result names them but not their rules, so:
 * {@code DateTime} is an ISO-8601 instant (what Railway answers and the CLI sends), {@code BigInt} an integer (as a
 * number or a string of digits), and every other custom scalar ({@code JSON}, {@code EnvironmentVariables},
 * {@code SerializedTemplateConfig}, …) any JSON value, passed through unchanged.
 */
final class BackboardScalars {

    private BackboardScalars() {
    }

    static GraphQLScalarType scalar(String name) {
        Coercing<?, ?> coercing = switch (name) {
            case "DateTime" -> new DateTime();
            case "BigInt" -> new BigInt();
            default -> new AnyJson();
        };
        return GraphQLScalarType.newScalar().name(name).coercing(coercing).build();
    }

    /** Kept as the ISO string the resolvers parse themselves, after checking that it is one. */
    private static final class DateTime implements Coercing<Object, String> {
        @Override
        public String serialize(Object value, GraphQLContext context, Locale locale) {
            return value.toString();
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof String text && parses(text)) {
                return text;
            }
            throw new CoercingParseValueException("Invalid DateTime: " + input);
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                Locale locale) {
            if (input instanceof StringValue text && parses(text.getValue())) {
                return text.getValue();
            }
            throw new CoercingParseLiteralException("Invalid DateTime literal: " + input);
        }

        private static boolean parses(String text) {
            try {
                Instant.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }

    private static final class BigInt implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            if (input instanceof Number || input instanceof String text && text.matches("-?\\d+")) {
                return input;
            }
            throw new CoercingParseValueException("Invalid BigInt: " + input);
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                Locale locale) {
            if (input instanceof IntValue number) {
                return number.getValue();
            }
            if (input instanceof StringValue text && text.getValue().matches("-?\\d+")) {
                return text.getValue();
            }
            throw new CoercingParseLiteralException("Invalid BigInt literal: " + input);
        }
    }

    private static final class AnyJson implements Coercing<Object, Object> {
        @Override
        public Object serialize(Object value, GraphQLContext context, Locale locale) {
            return value;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                Locale locale) {
            return literal(input, variables);
        }
    }

    /** A literal (possibly containing variables) as the plain Java value a JSON request would have carried. */
    static Object literal(Value<?> value, CoercedVariables variables) {
        if (value instanceof VariableReference ref) {
            return variables.get(ref.getName());
        }
        if (value instanceof StringValue s) {
            return s.getValue();
        }
        if (value instanceof BooleanValue b) {
            return b.isValue();
        }
        if (value instanceof IntValue i) {
            return i.getValue();
        }
        if (value instanceof FloatValue f) {
            return f.getValue();
        }
        if (value instanceof EnumValue e) {
            return e.getName();
        }
        if (value instanceof ArrayValue a) {
            return a.getValues().stream().map(v -> literal(v, variables)).toList();
        }
        if (value instanceof ObjectValue o) {
            var map = new LinkedHashMap<String, Object>();
            o.getObjectFields().forEach(f -> map.put(f.getName(), literal(f.getValue(), variables)));
            return map;
        }
        if (value instanceof NullValue) {
            return null;
        }
        throw new CoercingParseLiteralException("Unsupported literal: " + value);
    }

    static List<String> builtIn() {
        return List.of("String", "Int", "Float", "Boolean", "ID");
    }
}
