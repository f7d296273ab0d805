package dev.deploygateway.sandbox.render;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Render's error body {@code {"id","message"}}; an unknown id's 404 is {@code {"message":"not found: <id>"}} without
 * an {@code id}, as recorded real answers are (platform-contracts §3.10).
 */
final class RndError extends WebApplicationException {

    private RndError(int status, Map<String, Object> body) {
        super(Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build());
    }

    static Map<String, Object> body(String id, String message) {
        var body = new LinkedHashMap<String, Object>();
        if (id != null) {
            body.put("id", id);
        }
        body.put("message", message);
        return body;
    }

    static RndError of(int status, String id, String message) {
        return new RndError(status, body(id, message));
    }

    static RndError unauthorized() {
        return of(401, "unauthorized", "Authorization information is missing or invalid.");
    }

    static RndError notFound(String what) {
        return of(404, null, "not found: " + what);
    }

    static RndError badRequest(String message) {
        return of(400, "bad_request", message);
    }
}
