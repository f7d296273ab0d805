package dev.deploygateway.api.problem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Maps every failure a client can trigger to problem+json with a stable {@code code}. Messages of third-party
 * exceptions are never copied into responses: a JSON parser's message quotes the input, which may be a token.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Map<String, String> BEARER_CHALLENGE = Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer");

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> gateway(GatewayException e, UriInfo uri) {
        if (e.status() >= 500) {
            LOG.warnf("%s on %s: %s", e.code(), uri.getPath(), e.getMessage());
        }
        return Problems.of(e.code(), e.status(), e.getMessage(), uri.getPath(), e.extensions(), e.headers());
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> validation(ConstraintViolationException e, UriInfo uri) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", field(v), "message", v.getMessage()))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .collect(Collectors.toList());
        return Problems.of(ErrorCode.VALIDATION_FAILED, 400, "One or more fields are invalid.", uri.getPath(),
                Map.of("errors", errors), Map.of());
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> wrongType(MismatchedInputException e, UriInfo uri) {
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return Problems.of(ErrorCode.MALFORMED_REQUEST, 400, "The request body has content after its JSON value.",
                    uri.getPath(), Map.of(), Map.of());
        }
        String field = jsonPath(e);
        boolean unknown = e instanceof UnrecognizedPropertyException;
        return Problems.of(ErrorCode.VALIDATION_FAILED, 400,
                unknown ? "The request has a field this API does not know." : "A field has the wrong type.",
                uri.getPath(), Map.of("errors", List.of(Map.of("field", field, "message",
                        unknown ? "is not a known field" : "has the wrong type"))),
                Map.of());
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> malformedJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        // Strict duplicate detection: "last one wins" would let two readers of one body see different values.
        String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                ? "The request body repeats a member name" : "The request body is not valid JSON";
        return Problems.of(ErrorCode.MALFORMED_REQUEST, 400, what + where + ".", uri.getPath(), Map.of(), Map.of());
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> badDefinition(InvalidDefinitionException e, UriInfo uri) {
        // A DTO Jackson cannot bind is the server's bug, not the client's; without this mapper Quarkus answers it
        // with an empty 500.
        LOG.errorf(e, "Cannot bind a JSON body on %s", uri.getPath());
        return Problems.of(ErrorCode.INTERNAL_ERROR, "The server could not complete the request.", uri.getPath());
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> notFound(NotFoundException e, UriInfo uri) {
        return Problems.of(ErrorCode.NOT_FOUND, "No resource at this path.", uri.getPath());
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> notAllowed(NotAllowedException e, UriInfo uri) {
        String allow = String.join(", ", e.getResponse().getAllowedMethods());
        return Problems.of(ErrorCode.METHOD_NOT_ALLOWED, 405, "This path does not accept that method.",
                uri.getPath(), Map.of(), allow.isEmpty() ? Map.of() : Map.of(HttpHeaders.ALLOW, allow));
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> unsupported(NotSupportedException e, UriInfo uri) {
        return Problems.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "This path does not accept that Content-Type.",
                uri.getPath());
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> notAcceptable(NotAcceptableException e, UriInfo uri) {
        return Problems.of(ErrorCode.NOT_ACCEPTABLE, "This path cannot produce the requested media type.",
                uri.getPath());
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public RestResponse<Map<String, Object>> unauthenticated(RuntimeException e, UriInfo uri) {
        return Problems.of(ErrorCode.UNAUTHENTICATED, 401,
                "A valid session cookie or bearer token is required.", uri.getPath(), Map.of(), BEARER_CHALLENGE);
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.of(ErrorCode.FORBIDDEN, "The caller may not do this.", uri.getPath());
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // Quarkus's JSON reader wraps syntax errors (and repeated member names) in a bare 400.
            return malformedJson(json, uri);
        }
        if (status >= 500) {
            LOG.errorf(e, "Unexpected %d on %s", status, uri.getPath());
            return Problems.of(ErrorCode.INTERNAL_ERROR, "The server could not complete the request.",
                    uri.getPath());
        }
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> ErrorCode.MALFORMED_REQUEST;
        };
        return Problems.of(code, status, code.title() + ".", uri.getPath(), Map.of(), Map.of());
    }

    @ServerExceptionMapper
    public RestResponse<Map<String, Object>> unexpected(Throwable e, UriInfo uri) {
        if (UnreadableBody.isClientFault(e)) {
            // The client's broken multipart body: its problem, worth no stack trace in the server log.
            LOG.debugf("Unreadable request body on %s: %s", uri.getPath(), e.getMessage());
            return Problems.of(ErrorCode.MALFORMED_REQUEST, 400,
                    "The multipart request body is truncated or malformed.", uri.getPath(), Map.of(), Map.of());
        }
        // The cause goes to the server log only; the client sees a generic problem without a stack trace.
        LOG.errorf(e, "Unhandled failure on %s", uri.getPath());
        return Problems.of(ErrorCode.INTERNAL_ERROR, "The server could not complete the request.", uri.getPath());
    }

    private static String field(ConstraintViolation<?> violation) {
        // Property paths look like "create.arg0.name" or "create.request.name": drop the method and parameter.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
