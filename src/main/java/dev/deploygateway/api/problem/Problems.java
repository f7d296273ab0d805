package dev.deploygateway.api.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.resteasy.reactive.RestResponse;

import dev.deploygateway.error.ErrorCode;

/**
 * Builds RFC 9457 problem documents. The body is an ordered map rather than a record so that extension members
 * sit at the top level, as the RFC requires, without reflection-based any-getters (native friendly).
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://deploy-gateway.dev/problems/";

    private Problems() {
    }

    /** A problem response for {@code code} with its default status. */
    public static RestResponse<Map<String, Object>> of(ErrorCode code, String detail, String instance) {
        return of(code, code.status(), detail, instance, Map.of(), Map.of());
    }

    /** A problem response with explicit status, extension members and headers. */
    public static RestResponse<Map<String, Object>> of(ErrorCode code, int status, String detail, String instance,
            Map<String, ?> extensions, Map<String, String> headers) {
        RestResponse.ResponseBuilder<Map<String, Object>> builder = RestResponse.ResponseBuilder
                .<Map<String, Object>>create(status)
                .entity(body(code, status, detail, instance, extensions))
                .type(MEDIA_TYPE);
        headers.forEach(builder::header);
        return builder.build();
    }

    /**
     * The problem document itself, for refusals written below JAX-RS (Vert.x routes) that cannot return a
     * {@link RestResponse}.
     */
    public static Map<String, Object> body(ErrorCode code, int status, String detail, String instance,
            Map<String, ?> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + code.name().toLowerCase().replace('_', '-'));
        body.put("title", code.title());
        body.put("status", status);
        if (detail != null && !detail.isBlank()) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        body.put("code", code.name());
        extensions.forEach(body::putIfAbsent);
        return body;
    }
}
