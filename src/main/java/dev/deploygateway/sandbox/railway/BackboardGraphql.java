package dev.deploygateway.sandbox.railway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.reactivestreams.Publisher;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.language.SourceLocation;

/**
 * Executes GraphQL documents with graphql-java against Railway's published schema ({@link BackboardSchema}): a
 * document Railway's schema rejects (unknown field, wrong argument type, missing variable…) is rejected here too,
 * fragments, aliases, directives, {@code __typename} and variable defaults work as on any GraphQL server. Every
 * failure is answered in Railway's envelope {@code {"errors":[{"message","locations","path","extensions":{"code"}}],
 * "data":null}}.
 */
@ApplicationScoped
class BackboardGraphql implements BackboardSchema.Roots {

    private static final Logger LOG = Logger.getLogger(BackboardGraphql.class);
    private static final GraphQL ENGINE = GraphQL.newGraphQL(BackboardSchema.get())
            .defaultDataFetcherExceptionHandler(new Failures()).build();

    private final BackboardCaller callers;
    private final BackboardQueries queries;
    private final BackboardMutations mutations;
    private final BackboardSubscriptions subscriptions;

    BackboardGraphql(BackboardCaller callers, BackboardQueries queries, BackboardMutations mutations,
            BackboardSubscriptions subscriptions) {
        this.callers = callers;
        this.queries = queries;
        this.mutations = mutations;
        this.subscriptions = subscriptions;
    }

    /** Runs one request; a subscription's data is a {@code Publisher} of per-event results (websocket only). */
    ExecutionResult run(BackboardRequest request, String query, Map<String, Object> variables, String operationName) {
        if (query == null || query.isBlank()) {
            return ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError()
                    .message("Must provide query string.").errorType(ErrorType.InvalidSyntax).build()).build();
        }
        var input = ExecutionInput.newExecutionInput().query(query).operationName(operationName)
                .variables(variables == null ? Map.of() : variables)
                .graphQLContext(Map.of(BackboardSchema.ROOTS, this, BackboardSchema.REQUEST, request,
                        SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true))
                .build();
        return ENGINE.execute(input);
    }

    /** {@code POST /graphql/v2}: queries and mutations; subscriptions belong to the websocket. */
    Map<String, Object> execute(String authorization, String projectToken, String query,
            Map<String, Object> variables, String operationName) {
        ExecutionResult result = run(request(authorization, projectToken), query, variables, operationName);
        if (result.getErrors().isEmpty() && result.getData() instanceof Publisher<?>) {
            return envelope(List.of(GraphqlErrorBuilder.newError().message(
                    "Subscriptions are served over the websocket (graphql-transport-ws)").build()));
        }
        return envelope(result);
    }

    BackboardRequest request(String authorization, String projectToken) {
        return new BackboardRequest(callers, authorization, projectToken);
    }

    @Override
    public Object query(BackboardField field, BackboardRequest request) {
        return queries.resolve(request, field);
    }

    @Override
    public Object mutation(BackboardField field, BackboardRequest request) {
        return mutations.resolve(request.caller(), field);
    }

    @Override
    public Object subscription(BackboardField field, BackboardRequest request) {
        return subscriptions.resolve(request, field);
    }

    /** Railway's answer: {@code data} alone, or the errors with {@code data: null}. */
    static Map<String, Object> envelope(ExecutionResult result) {
        if (!result.getErrors().isEmpty()) {
            return envelope(result.getErrors());
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("data", result.getData());
        return body;
    }

    static Map<String, Object> envelope(List<GraphQLError> errors) {
        var body = new LinkedHashMap<String, Object>();
        body.put("errors", errors.stream().map(BackboardGraphql::error).toList());
        body.put("data", null);
        return body;
    }

    static Map<String, Object> error(GraphQLError error) {
        var json = new LinkedHashMap<String, Object>();
        json.put("message", error.getMessage());
        List<SourceLocation> locations = error.getLocations();
        if (locations != null && !locations.isEmpty()) {
            json.put("locations", locations.stream().map(l -> Map.of("line", l.getLine(), "column",
                    l.getColumn())).toList());
        }
        if (error.getPath() != null && !error.getPath().isEmpty()) {
            json.put("path", error.getPath());
        }
        Object code = error.getExtensions() == null ? null : error.getExtensions().get("code");
        json.put("extensions", Map.of("code", code != null ? code : code(error.getErrorType())));
        return json;
    }

    /** The codes Apollo-style servers give the failures graphql-java classifies. */
    private static String code(ErrorClassification type) {
        if (type == ErrorType.InvalidSyntax) {
            return "GRAPHQL_PARSE_FAILED";
        }
        if (type == ErrorType.ValidationError) {
            return "GRAPHQL_VALIDATION_FAILED";
        }
        return type == ErrorType.DataFetchingException ? "BAD_USER_INPUT" : "INTERNAL_SERVER_ERROR";
    }

    /** A resolver's {@link BackboardError} becomes the field's error with its message and code; nothing else leaks. */
    private static final class Failures implements DataFetcherExceptionHandler {
        @Override
        public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(
                DataFetcherExceptionHandlerParameters parameters) {
            Throwable failure = parameters.getException();
            var builder = GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment());
            if (failure instanceof BackboardError known) {
                builder.message(known.getMessage()).extensions(Map.of("code", known.code));
            } else {
                LOG.warnf(failure, "Railway sandbox resolver failed");
                builder.message("Internal server error").extensions(Map.of("code", "INTERNAL_SERVER_ERROR"));
            }
            return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(builder.build())
                    .build());
        }
    }
}
