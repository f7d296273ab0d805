package dev.deploygateway.sandbox.railway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.TypeResolutionEnvironment;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
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

/**
 * Railway's published schema ({@code contracts/railway/schema.json}, the introspection result shipped with Railway's
 * CLI) made executable. Nested fields are read from the maps the resolvers return (graphql-java's default fetcher);
 * root fields are handed to the {@link Roots} of the request, found in its GraphQL context, so that the schema holds
 * no reference to any bean and is built once per JVM (it has 609 types; building takes a moment).
 */
final class BackboardSchema {

    static final String RESOURCE = "/contracts/railway/schema.json";

    /** What the sandbox answers for root fields of each operation type. */
    interface Roots {
        Object query(BackboardField field, BackboardRequest request);

        Object mutation(BackboardField field, BackboardRequest request);

        Object subscription(BackboardField field, BackboardRequest request);
    }

    /** Context key of the per-request {@link Roots} and of the request's own state. */
    static final String ROOTS = "backboard.roots";
    static final String REQUEST = "backboard.request";

    private static volatile GraphQLSchema schema;

    private BackboardSchema() {
    }

    static GraphQLSchema get() {
        GraphQLSchema built = schema;
        if (built == null) {
            synchronized (BackboardSchema.class) {
                built = schema;
                if (built == null) {
                    built = build();
                    schema = built;
                }
            }
        }
        return built;
    }

    private static GraphQLSchema build() {
        return build(new Executing());
    }

    /** The schema of the resource, wired by {@code wiring} (the tests replay answers through their own). */
    @SuppressWarnings("unchecked")
    static GraphQLSchema build(WiringFactory wiring) {
        try (InputStream in = BackboardSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Map<String, Object> raw = new ObjectMapper().readValue(in, Map.class);
            Map<String, Object> introspection = raw.containsKey("data") ? (Map<String, Object>) raw.get("data") : raw;
            Document sdl = new IntrospectionResultToSchema().createSchemaDefinition(introspection);
            return new SchemaGenerator().makeExecutableSchema(new SchemaParser().buildRegistry(sdl),
                    RuntimeWiring.newRuntimeWiring().wiringFactory(wiring).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Custom scalars ({@link BackboardScalars}) and interface/union resolution by {@code __typename}. */
    static class Wiring implements WiringFactory {

        @Override
        public boolean providesScalar(ScalarWiringEnvironment environment) {
            return !ScalarInfo.isGraphqlSpecifiedScalar(environment.getScalarTypeDefinition().getName());
        }

        @Override
        public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
            return BackboardScalars.scalar(environment.getScalarTypeDefinition().getName());
        }

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
            return BackboardSchema::typeOf;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
            return BackboardSchema::typeOf;
        }

    }

    /** {@link Wiring} plus the three root dispatchers to the request's {@link Roots}. */
    private static final class Executing extends Wiring {

        @Override
        public boolean providesDataFetcher(FieldWiringEnvironment environment) {
            return root(environment.getParentType().getName()) != null;
        }

        @Override
        public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
            return root(environment.getParentType().getName());
        }

        private static DataFetcher<?> root(String type) {
            return switch (type) {
                case "Query" -> env -> roots(env).query(field(env), env.getGraphQlContext().get(REQUEST));
                case "Mutation" -> env -> roots(env).mutation(field(env), env.getGraphQlContext().get(REQUEST));
                case "Subscription" -> env -> roots(env).subscription(field(env),
                        env.getGraphQlContext().get(REQUEST));
                default -> null;
            };
        }

        private static Roots roots(DataFetchingEnvironment env) {
            return env.getGraphQlContext().get(ROOTS);
        }

        private static BackboardField field(DataFetchingEnvironment env) {
            return new BackboardField(env.getField().getName(), env.getArguments());
        }
    }

    /** Objects answered where the schema has an interface or a union carry their concrete type's name. */
    private static GraphQLObjectType typeOf(TypeResolutionEnvironment environment) {
        Object value = environment.getObject();
        if (value instanceof Map<?, ?> map && map.get("__typename") instanceof String name) {
            return environment.getSchema().getObjectType(name);
        }
        throw new BackboardError("The sandbox cannot answer this abstract type", "INTERNAL_SERVER_ERROR");
    }
}
