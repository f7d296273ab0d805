package dev.deploygateway.sandbox.vercel;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Vercel's error body {@code {"error":{"code","message",…}}}, thrown from sandbox resources as a response. */
final class SandboxError {

    private SandboxError() {
    }

    static Map<String, Object> body(String code, String message, Map<String, Object> extra) {
        var error = new LinkedHashMap<String, Object>();
        error.put("code", code);
        error.put("message", message);
        error.putAll(extra);
        return Map.of("error", error);
    }

    static WebApplicationException of(int status, String code, String message) {
        return of(status, code, message, Map.of());
    }

    static WebApplicationException of(int status, String code, String message, Map<String, Object> extra) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(body(code, message, extra)).build());
    }

    static WebApplicationException forbidden() {
        return of(403, "forbidden", "Not authorized", Map.of("invalidToken", true));
    }

    static WebApplicationException notFound(String what) {
        return of(404, "not_found", what + " not found");
    }

    static WebApplicationException badRequest(String message) {
        return of(400, "bad_request", message);
    }

    /** OAuth endpoints answer RFC 6749 errors, not Vercel's REST envelope. */
    static WebApplicationException oauth(int status, String error, String description) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description)).build());
    }
}
