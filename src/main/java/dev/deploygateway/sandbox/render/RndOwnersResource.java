package dev.deploygateway.sandbox.render;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** The key's workspaces and user, and the log query ({@code GET /v1/logs}). */
@Path("/sandbox/render/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RndOwnersResource {

    private final RndCaller callers;
    private final RndLogs logs;

    RndOwnersResource(RndCaller callers, RndLogs logs) {
        this.callers = callers;
        this.logs = logs;
    }

    @GET
    @Path("/owners")
    public List<Map<String, Object>> owners(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("limit") Integer limit) {
        var user = callers.user(auth);
        synchronized (user) {
            return user.owners().stream().limit(limit == null ? 20 : Math.max(1, Math.min(100, limit)))
                    .map(o -> RndJson.withCursor("owner", RndJson.owner(o), o.id())).toList();
        }
    }

    @GET
    @Path("/users")
    public Map<String, Object> user(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        var user = callers.user(auth);
        return Map.of("email", user.email(), "name", user.name());
    }

    /** Logs of one of the key's resources in a time window (default: the last hour), paged by time. */
    @GET
    @Path("/logs")
    public Map<String, Object> logs(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("ownerId") String ownerId, @QueryParam("resource") List<String> resources,
            @QueryParam("type") String type, @QueryParam("startTime") String start, @QueryParam("endTime") String end,
            @QueryParam("direction") String direction, @QueryParam("limit") Integer limit) {
        var user = callers.user(auth);
        if (ownerId == null || resources == null || resources.isEmpty()) {
            throw RndError.badRequest("ownerId and resource are required");
        }
        callers.owner(user, ownerId);
        resources.forEach(r -> {
            if (!callers.service(auth, r).ownerId.equals(ownerId)) {
                throw RndError.notFound(r);
            }
        });
        Instant to = time(end, Instant.now());
        Instant from = time(start, to.minusSeconds(3600));
        var page = logs.query(resources, type, from, to, !"backward".equals(direction),
                limit == null ? 20 : Math.max(1, Math.min(100, limit)));
        var json = new LinkedHashMap<String, Object>();
        json.put("hasMore", page.hasMore());
        json.put("nextStartTime", page.nextStartTime().toString());
        json.put("nextEndTime", page.nextEndTime().toString());
        json.put("logs", page.entries().stream().map(RndLogs.Entry::json).toList());
        return json;
    }

    private static Instant time(String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notIso) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw RndError.badRequest("startTime and endTime are RFC 3339 times or epoch seconds");
            }
        }
    }
}
