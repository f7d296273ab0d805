package dev.deploygateway.api;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.deploygateway.api.problem.Problems;
import dev.deploygateway.error.ErrorCode;

/**
 * A request body under {@code /api} must say what it is: without a {@code Content-Type} the REST layer would
 * match a JSON method anyway and parse the body as JSON, so a client (or a cross-site form that drops the
 * header) would get its bytes interpreted in a way it never declared. Such a request is a 415 before routing.
 * Requests without a body (cancel, redeploy, sign-out) need no {@code Content-Type}.
 */
public class ContentTypeGuard {

    @ServerRequestFilter(preMatching = true)
    public Optional<RestResponse<Map<String, Object>>> requireContentType(ContainerRequestContext request) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/", "");
        boolean declared = request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null;
        if (!path.startsWith("/api/") || !hasBody(request) || declared) {
            return Optional.empty();
        }
        return Optional.of(Problems.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "A request body needs a Content-Type header (application/json or multipart/form-data).", path));
    }

    private static boolean hasBody(ContainerRequestContext request) {
        if (request.getHeaderString("Transfer-Encoding") != null) {
            return true;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.trim().equals("0");
    }
}
