package dev.deploygateway.sandbox.railway;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.sandbox.railway.BackboardCaller.Caller;

/** The root fields of {@code Mutation} the sandbox answers. */
@ApplicationScoped
class BackboardMutations {

    private final BackboardStore store;
    private final BackboardBuilds builds;

    BackboardMutations(BackboardStore store, BackboardBuilds builds) {
        this.store = store;
        this.builds = builds;
    }

    Object resolve(Caller caller, BackboardField f) {
        Map<String, Object> input = f.object("input");
        return switch (f.name()) {
            case "projectCreate" -> {
                String name = text(input.get("name"));
                String env = text(input.get("defaultEnvironmentName"));
                yield BackboardJson.project(store.createProject(name.isBlank() ? BackboardIds.label(8) : name,
                        text(input.get("description")), caller.workspace(text(input.get("workspaceId"))),
                        env.isBlank() ? "production" : env));
            }
            case "projectDelete" -> store.deleteProject(f.string("id"), caller);
            case "serviceCreate" -> {
                var project = store.project(text(input.get("projectId")), caller);
                String name = text(input.get("name"));
                var service = project.addService(name.isBlank() ? BackboardIds.label(8) : name);
                if (input.get("variables") instanceof Map<?, ?> variables) {
                    String env = text(input.get("environmentId"));
                    variables.forEach((k, v) -> service.variables(env.isBlank() ? project.defaultEnvironmentId() : env)
                            .put(k.toString(), String.valueOf(v)));
                }
                yield BackboardJson.service(service);
            }
            case "variableCollectionUpsert" -> upsertVariables(caller, input);
            case "serviceDomainCreate" -> {
                var project = store.project(projectOfService(caller, text(input.get("serviceId"))), caller);
                String env = BackboardQueries.environment(project, text(input.get("environmentId")));
                var service = project.service(text(input.get("serviceId"))).orElseThrow();
                yield BackboardJson.domain(service, env, service.domain(env));
            }
            case "templateDeployV2" -> deployTemplate(caller, input);
            case "deploymentCancel" -> builds.cancel(store.deployment(f.string("id"), caller));
            case "deploymentRollback" -> {
                var target = store.deployment(f.string("id"), caller);
                if (!target.succeeded || "SUCCESS".equals(target.status)) {
                    throw BackboardError.invalid("Deployment cannot be rolled back");
                }
                restart(caller, target, false);
                yield true;
            }
            case "deploymentRedeploy" -> BackboardJson.deployment(restart(caller,
                    store.deployment(f.string("id"), caller), true));
            default -> throw BackboardError.notImplemented("Mutation", f.name());
        };
    }

    private boolean upsertVariables(Caller caller, Map<String, Object> input) {
        var project = store.project(text(input.get("projectId")), caller);
        String env = BackboardQueries.environment(project, text(input.get("environmentId")));
        if (!(input.get("variables") instanceof Map<?, ?> variables)) {
            throw BackboardError.invalid("variables must be an object of strings");
        }
        String serviceId = text(input.get("serviceId"));
        var service = serviceId.isBlank() ? null
                : project.service(serviceId).orElseThrow(() -> BackboardError.notFound("Service"));
        Map<String, String> target = service == null
                ? project.shared.computeIfAbsent(env, e -> new ConcurrentHashMap<>())
                : service.variables(env);
        if (Boolean.TRUE.equals(input.get("replace"))) {
            target.keySet().removeIf(k -> !variables.containsKey(k));
        }
        variables.forEach((k, v) -> target.put(k.toString(), String.valueOf(v)));
        if (service != null && !Boolean.TRUE.equals(input.get("skipDeploys"))) {
            // Changing variables redeploys the service's latest deployment, unless skipDeploys.
            store.deploymentsOf(service.id, env).stream().findFirst()
                    .ifPresent(latest -> builds.start(project, env, service, latest.files, true));
        }
        return true;
    }

    private Map<String, Object> deployTemplate(Caller caller, Map<String, Object> input) {
        var project = store.project(text(input.get("projectId")), caller);
        String env = text(input.get("environmentId"));
        env = env.isBlank() ? project.defaultEnvironmentId() : BackboardQueries.environment(project, env);
        if (!BackboardQueries.POSTGRES_TEMPLATE_ID.equals(text(input.get("templateId")))) {
            throw BackboardError.notFound("Template");
        }
        if (!(input.get("serializedConfig") instanceof Map<?, ?> config) || !(config.get("services") instanceof Map)) {
            throw BackboardError.invalid("serializedConfig must be the template's serialized config");
        }
        String name = project.serviceNamed("Postgres").isEmpty() ? "Postgres" : "Postgres-" + BackboardIds.label(4);
        var service = project.addService(name);
        service.templateId = BackboardQueries.POSTGRES_TEMPLATE_ID;
        String password = BackboardIds.label(24);
        var vars = service.variables(env);
        vars.put("PGUSER", "postgres");
        vars.put("PGPASSWORD", password);
        vars.put("PGDATABASE", "railway");
        vars.put("PGHOST", name.toLowerCase(Locale.ROOT) + ".railway.internal");
        vars.put("PGPORT", "5432");
        vars.put("DATABASE_URL", "postgresql://postgres:" + password + "@" + vars.get("PGHOST") + ":5432/railway");
        var workflow = store.startWorkflow(project.id);
        return Map.of("projectId", project.id, "workflowId", workflow.id());
    }

    private BackboardDeployment restart(Caller caller, BackboardDeployment from, boolean rebuild) {
        var project = store.project(from.projectId, caller);
        var service = project.service(from.serviceId).orElseThrow(() -> BackboardError.notFound("Service"));
        return builds.start(project, from.environmentId, service, from.files, rebuild);
    }

    private String projectOfService(Caller caller, String serviceId) {
        return store.projectsOf(caller, caller.workspaceId()).stream().filter(p -> p.service(serviceId).isPresent())
                .map(p -> p.id).findFirst().orElseThrow(() -> BackboardError.notFound("Service"));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
