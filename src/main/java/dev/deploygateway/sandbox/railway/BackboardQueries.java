package dev.deploygateway.sandbox.railway;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.sandbox.railway.BackboardCaller.Caller;

/** The root fields of {@code Query} the sandbox answers. */
@ApplicationScoped
class BackboardQueries {

    static final String POSTGRES_TEMPLATE_ID = "8d6a6b0e-8a0b-4b0e-9b3c-5a1f0f6f0a01";

    private final BackboardStore store;

    BackboardQueries(BackboardStore store) {
        this.store = store;
    }

    Object resolve(BackboardRequest request, BackboardField f) {
        if ("template".equals(f.name())) {
            return template(f.string("code")); // public: no token needed
        }
        Caller caller = request.caller();
        return switch (f.name()) {
            case "me" -> me(caller.accountLevel());
            case "projects" -> {
                var edges = new ArrayList<Object>();
                store.projectsOf(caller, caller.workspace(f.string("workspaceId")))
                        .forEach(p -> edges.add(Map.of("node", BackboardJson.project(p))));
                yield BackboardJson.connection(edges);
            }
            case "project" -> BackboardJson.project(store.project(f.string("id"), caller));
            case "deployment" -> BackboardJson.deployment(store.deployment(f.string("id"), caller));
            case "buildLogs" -> buildLogs(caller, f);
            case "workflowStatus" -> {
                var workflow = store.workflow(f.string("workflowId"));
                var json = new LinkedHashMap<String, Object>();
                json.put("status", workflow.map(w -> w.completesAt().isAfter(Instant.now()) ? "Running" : "Complete")
                        .orElse("NotFound"));
                json.put("error", null);
                yield json;
            }
            case "variables" -> {
                var project = store.project(f.string("projectId"), caller);
                String env = environment(project, f.string("environmentId"));
                String serviceId = f.string("serviceId");
                if (serviceId == null) {
                    yield Map.copyOf(project.shared.getOrDefault(env, Map.of()));
                }
                var service = project.service(serviceId).orElseThrow(() -> BackboardError.notFound("Service"));
                yield Boolean.TRUE.equals(f.args().get("unrendered")) ? Map.copyOf(service.variables(env))
                        : store.rendered(project, env, service);
            }
            case "domains" -> {
                var project = store.project(f.string("projectId"), caller);
                String env = environment(project, f.string("environmentId"));
                var service = project.service(f.string("serviceId")).orElseThrow(() -> BackboardError.notFound(
                        "Service"));
                String domain = service.domains.get(env);
                yield Map.of("serviceDomains", domain == null ? List.of()
                        : List.of(BackboardJson.domain(service, env, domain)), "customDomains", List.of());
            }
            default -> throw BackboardError.notImplemented("Query", f.name());
        };
    }

    static String environment(BackboardProject project, String environmentId) {
        if (environmentId == null || !project.hasEnvironment(environmentId)) {
            throw BackboardError.notFound("Environment");
        }
        return environmentId;
    }

    private static Map<String, Object> me(Caller caller) {
        var user = caller.user();
        var json = new LinkedHashMap<String, Object>();
        json.put("id", user.id());
        json.put("name", user.name());
        json.put("username", user.name());
        json.put("email", user.email());
        json.put("avatar", null);
        json.put("workspaces", List.of(Map.of("id", user.workspaceId(), "name", user.workspaceName())));
        return json;
    }

    private List<Object> buildLogs(Caller caller, BackboardField f) {
        var deployment = store.deployment(f.string("deploymentId"), caller);
        Instant start = instant(f.string("startDate"), Instant.MIN);
        Instant end = instant(f.string("endDate"), Instant.MAX);
        int limit = f.args().get("limit") instanceof Number n ? n.intValue() : 500;
        String filter = f.string("filter");
        List<BackboardDeployment.LogLine> lines = deployment.logs().stream()
                .filter(l -> !l.timestamp().isBefore(start) && !l.timestamp().isAfter(end))
                .filter(l -> filter == null || filter.isBlank() || l.message().contains(filter)).toList();
        // The newest {@code limit} lines, oldest first (as the CLI prints them).
        return new ArrayList<>(lines.subList(Math.max(0, lines.size() - limit), lines.size()).stream()
                .map(BackboardJson::log).toList());
    }

    static Map<String, Object> template(String code) {
        if (!"postgres".equals(code)) {
            throw BackboardError.notFound("Template");
        }
        var variables = new LinkedHashMap<String, Object>();
        for (String name : List.of("PGUSER", "PGPASSWORD", "PGDATABASE", "PGHOST", "PGPORT", "DATABASE_URL")) {
            variables.put(name, Map.of("defaultValue", "", "isOptional", false));
        }
        var service = new LinkedHashMap<String, Object>();
        service.put("name", "Postgres");
        service.put("icon", "https://devicons.railway.app/i/postgresql.svg");
        service.put("source", Map.of("image", "ghcr.io/railwayapp-templates/postgres-ssl:16"));
        service.put("variables", variables);
        service.put("volumeMounts", Map.of("data", Map.of("mountPath", "/var/lib/postgresql/data")));
        var json = new LinkedHashMap<String, Object>();
        json.put("id", POSTGRES_TEMPLATE_ID);
        json.put("code", "postgres");
        json.put("name", "PostgreSQL");
        json.put("serializedConfig", Map.of("services", Map.of(BackboardIds.uuid(), service)));
        return json;
    }

    private static Instant instant(String value, Instant fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw BackboardError.invalid("Invalid DateTime: " + value);
        }
    }
}
