package dev.deploygateway.sandbox.railway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A failure of a GraphQL operation. Railway answers them with HTTP 200 and the GraphQL envelope
 * {@code {"errors":[{"message","extensions"}],"data":null}}; REST endpoints ({@code /up}) answer {@code {message}}.
 */
final class BackboardError extends RuntimeException {

    final String code;

    BackboardError(String message, String code) {
        super(message, null, false, false);
        this.code = code;
    }

    static BackboardError notAuthorized() {
        return new BackboardError("Not Authorized", "UNAUTHENTICATED");
    }

    static BackboardError notFound(String what) {
        return new BackboardError(what + " not found", "NOT_FOUND");
    }

    /** A field Railway's schema has but the sandbox does not simulate: an honest error, never a made-up answer. */
    static BackboardError notImplemented(String type, String field) {
        return new BackboardError("The Railway sandbox does not implement " + type + "." + field, "NOT_IMPLEMENTED");
    }

    static BackboardError invalid(String message) {
        return new BackboardError(message, "BAD_USER_INPUT");
    }

    Map<String, Object> toJson(List<Object> path) {
        var error = new LinkedHashMap<String, Object>();
        error.put("message", getMessage());
        if (path != null) {
            error.put("path", path);
        }
        error.put("extensions", Map.of("code", code));
        return error;
    }

    static Map<String, Object> envelope(BackboardError error, List<Object> path) {
        var body = new LinkedHashMap<String, Object>();
        body.put("errors", List.of(error.toJson(path)));
        body.put("data", null);
        return body;
    }

    /** A REST error ({@code /up}, OAuth endpoints have their own shape). */
    static WebApplicationException rest(int status, String message) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("message", message)).build());
    }

    static WebApplicationException oauth(int status, String error, String description) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description)).build());
    }
}
