package dev.deploygateway.sandbox.railway;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /graphql/v2}: Railway's public API. Errors are answered with HTTP 200 and the GraphQL envelope, as
 * Railway does for resolver errors. The websocket on the same path is {@link BackboardSocket}.
 */
@Path("/sandbox/railway/graphql/v2")
public class BackboardGraphqlResource {

    /** A GraphQL-over-HTTP request body. */
    public record Request(String query, Map<String, Object> variables, String operationName) {
    }

    private final BackboardGraphql graphql;

    BackboardGraphqlResource(BackboardGraphql graphql) {
        this.graphql = graphql;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> execute(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("Project-Access-Token") String projectToken, Request request) {
        if (request == null) {
            throw BackboardError.rest(400, "POST body missing");
        }
        return graphql.execute(authorization, projectToken, request.query(), request.variables(),
                request.operationName());
    }
}
