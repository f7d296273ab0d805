package dev.deploygateway.sandbox.github;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * GitHub's error bodies: {@code {"message","documentation_url","status"}} ({@code basic-error}) and, for 422,
 * {@code {"message":"Validation Failed","errors":[{resource,code,field,message}],"documentation_url"}}.
 */
final class HubError extends WebApplicationException {

    static final String DOCS = "https://docs.github.com/rest";

    private HubError(int status, Map<String, Object> body) {
        super(Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build());
    }

    static Map<String, Object> body(int status, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("message", message);
        body.put("documentation_url", DOCS);
        body.put("status", Integer.toString(status));
        return body;
    }

    static HubError of(int status, String message) {
        return new HubError(status, body(status, message));
    }

    static HubError notFound() {
        return of(404, "Not Found");
    }

    static HubError badCredentials() {
        return of(401, "Bad credentials");
    }

    static HubError requiresAuthentication() {
        return of(401, "Requires authentication");
    }

    static HubError forbidden() {
        return of(403, "Resource not accessible by integration");
    }

    /** 409 from every Git Data API call on a repository without commits. */
    static HubError emptyRepository() {
        return of(409, "Git Repository is empty.");
    }

    static HubError unprocessable(String message) {
        return of(422, message);
    }

    static HubError validation(String resource, String field, String message) {
        var error = new LinkedHashMap<String, Object>();
        error.put("resource", resource);
        error.put("code", "custom");
        error.put("field", field);
        error.put("message", message);
        var body = new LinkedHashMap<String, Object>();
        body.put("message", "Validation Failed");
        body.put("errors", List.of(error));
        body.put("documentation_url", DOCS);
        body.put("status", "422");
        return new HubError(422, body);
    }
}
