package dev.deploygateway.sandbox.railway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Executes one GraphQL request: parses it, resolves each root field (matched by name, as a simulator may) and keeps
 * only the selected fields. A failure answers Railway's envelope {@code {"errors":[…],"data":null}}.
 */
@ApplicationScoped
class BackboardGraphql {

    private final BackboardCaller callers;
    private final BackboardQueries queries;
    private final BackboardMutations mutations;

    BackboardGraphql(BackboardCaller callers, BackboardQueries queries, BackboardMutations mutations) {
        this.callers = callers;
        this.queries = queries;
        this.mutations = mutations;
    }

    Map<String, Object> execute(String authorization, String projectToken, String query,
            Map<String, Object> variables) {
        GraphqlDocument.Operation operation;
        try {
            operation = GraphqlDocument.parse(query, variables);
        } catch (GraphqlDocument.SyntaxError | IndexOutOfBoundsException | NumberFormatException e) {
            return BackboardError.envelope(new BackboardError(e.getMessage() == null ? "Syntax Error" : e.getMessage(),
                    "GRAPHQL_PARSE_FAILED"), null);
        }
        if ("subscription".equals(operation.type())) {
            return BackboardError.envelope(new BackboardError("Subscriptions are served over the websocket",
                    "BAD_REQUEST"), null);
        }
        GraphqlDocument.Field current = null;
        try {
            var caller = operation.fields().stream().allMatch(f -> "template".equals(f.name()))
                    ? null : callers.resolve(authorization, projectToken);
            var data = new LinkedHashMap<String, Object>();
            for (GraphqlDocument.Field field : operation.fields()) {
                current = field;
                Object value = "mutation".equals(operation.type()) ? mutations.resolve(caller, field)
                        : queries.resolve(caller, field);
                data.put(field.key(), BackboardJson.select(value, field.selection()));
            }
            var body = new LinkedHashMap<String, Object>();
            body.put("data", data);
            return body;
        } catch (BackboardError e) {
            return BackboardError.envelope(e, current == null ? null : List.of(current.key()));
        }
    }

    BackboardCaller.Caller caller(String authorization, String projectToken) {
        return callers.resolve(authorization, projectToken);
    }
}
