package dev.deploygateway.sandbox.railway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.DataFetcher;
import graphql.schema.idl.FieldWiringEnvironment;
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
    private static final GraphQL ENGINE = GraphQL.newGraphQL(BackboardSchema.build(new Replaying())).build();

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

    /** Every field reads its result key from the response; a subscription field emits the response once. */
    private static final class Replaying extends BackboardSchema.Wiring {
        @Override
        public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
            boolean subscription = "Subscription".equals(environment.getParentType().getName());
            return env -> {
                Object value = env.<Map<String, Object>>getSource().get(env.getField().getResultKey());
                return subscription ? FlowAdapters.toPublisher(Multi.createFrom().item(value)) : value;
            };
        }
    }
}
