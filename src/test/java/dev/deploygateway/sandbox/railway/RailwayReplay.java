package dev.deploygateway.sandbox.railway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.TypeResolutionEnvironment;
import graphql.execution.CoercedVariables;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import io.smallrye.mutiny.Multi;

/**
 * Checks a response against Railway's schema for the document that produced it by replaying it: the same document
 * is executed by graphql-java over the response's own {@code data} (each field read from its result key). The
 * replay fails where the data breaks the schema (a null for a non-null field, an unknown enum value, an object where
 * a scalar belongs) and differs from the response where the response carries a field the document did not select,
 * lacks one it did, or a value of the wrong JSON kind. Fragments, aliases and {@code __typename} replay like any
 * other selection, which the plain shape check of the platform tests does not follow.
 */
final class RailwayReplay {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GraphQL ENGINE = GraphQL.newGraphQL(schema()).build();

    private RailwayReplay() {
    }

    /** Problems of {@code data} as the answer to {@code document} (empty = it is exactly what the schema says). */
    @SuppressWarnings("unchecked")
    static List<String> problems(String document, Map<String, Object> variables, JsonNode data) {
        Map<String, Object> root = JSON.convertValue(data, Map.class);
        ExecutionResult result = ENGINE.execute(ExecutionInput.newExecutionInput().query(document)
                .variables(variables).root(root).build());
        if (result.getData() instanceof Publisher<?> events) {
            result = Multi.createFrom().publisher(FlowAdapters.toFlowPublisher((Publisher<ExecutionResult>) events))
                    .collect().first().await().indefinitely();
        }
        var problems = new ArrayList<String>();
        result.getErrors().stream().map(GraphQLError::getMessage).forEach(problems::add);
        JsonNode replayed = JSON.valueToTree(result.getData());
        if (problems.isEmpty() && !data.equals(replayed)) {
            problems.add("response " + data + " differs from its replay " + replayed);
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static GraphQLSchema schema() {
        try (InputStream in = RailwayReplay.class.getResourceAsStream(BackboardSchema.RESOURCE)) {
            Map<String, Object> raw = JSON.readValue(in, Map.class);
            var sdl = new IntrospectionResultToSchema().createSchemaDefinition((Map<String, Object>) raw.get("data"));
            var wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new Replaying()).build();
            return new SchemaGenerator().makeExecutableSchema(new SchemaParser().buildRegistry(sdl), wiring);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every field reads its result key from the response; a subscription field emits the response once. */
    private static final class Replaying implements WiringFactory {
        @Override
        public boolean providesScalar(ScalarWiringEnvironment environment) {
            return !ScalarInfo.isGraphqlSpecifiedScalar(environment.getScalarTypeDefinition().getName());
        }

        @Override
        public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
            return GraphQLScalarType.newScalar().name(environment.getScalarTypeDefinition().getName())
                    .coercing(new Coercing<Object, Object>() {
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
                            return BackboardScalars.literal(input, variables);
                        }
                    }).build();
        }

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
            return RailwayReplay::typeOf;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
            return RailwayReplay::typeOf;
        }

        @Override
        public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
            boolean subscription = "Subscription".equals(environment.getParentType().getName());
            return env -> {
                Object value = env.<Map<String, Object>>getSource().get(env.getField().getResultKey());
                return subscription ? FlowAdapters.toPublisher(Multi.createFrom().item(value)) : value;
            };
        }
    }

    private static GraphQLObjectType typeOf(TypeResolutionEnvironment environment) {
        Object name = environment.<Map<String, Object>>getObject().get("__typename");
        return name == null ? null : environment.getSchema().getObjectType(name.toString());
    }
}
