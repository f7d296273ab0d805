package dev.deploygateway.platform.railway;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Railway's wire shapes as records, checked against {@code contracts/railway/schema.json} and platform-contracts
 * §2. Reading is lenient on fields Railway adds (the REST client's Jackson ignores unknown properties) and strict
 * on the ones the gateway needs ({@code required = true}: a missing one fails the call instead of becoming null).
 */
final class RailwayWire {

    private RailwayWire() {
    }

    /** A GraphQL POST: one document from {@code railway/graphql/} and its variables. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GraphqlRequest(String query, ObjectNode variables) {
    }

    /** GraphQL's envelope: {@code data} (null on errors) and {@code errors}. */
    record GraphqlResponse(JsonNode data, List<GraphqlError> errors) {
        GraphqlResponse {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }

    /** One GraphQL error; Railway puts a code, when it has one, in {@code extensions.code}. */
    record GraphqlError(@JsonProperty(required = true) String message, Extensions extensions) {
        String code() {
            return extensions == null || extensions.code() == null ? "" : extensions.code();
        }
    }

    /** The {@code extensions} of a GraphQL error. */
    record Extensions(String code) {
    }

    /**
     * An inbound {@code graphql-transport-ws} frame: its type, the subscription it belongs to, and its payload (an
     * object with {@code data} on {@code next}, an array of GraphQL errors on {@code error}).
     */
    record SocketFrame(String type, String id, JsonNode payload) {
        SocketFrame {
            type = type == null ? "" : type;
        }
    }

    /** {@code POST /project/{p}/environment/{e}/up}: the new deployment and where its logs are. */
    record UpResponse(@JsonProperty(required = true) String deploymentId, String url, String logsUrl,
            String deploymentDomain) {
    }

    /** The OAuth token endpoint's answer (refresh token only with {@code offline_access} and consent). */
    record TokenResponse(@JsonProperty(value = "access_token", required = true) String accessToken,
            @JsonProperty("refresh_token") String refreshToken, @JsonProperty("expires_in") Long expiresIn,
            String scope, @JsonProperty("token_type") String tokenType) {

        /** Never prints the tokens (a record's generated toString would). */
        @Override
        public String toString() {
            return "TokenResponse[access=***, refresh=" + (refreshToken == null ? "-" : "***") + ", scope=" + scope
                    + "]";
        }
    }
}
