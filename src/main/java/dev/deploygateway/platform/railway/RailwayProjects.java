package dev.deploygateway.platform.railway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/**
 * Projects, their environment and the app's service. Railway project names are free text and not unique, so "is
 * this name taken" is a look-up in the caller's own workspace; the workspace is the credential's team, else the
 * first workspace of {@code me}. The service gets the project's name (cut to Railway's 32 characters).
 */
@ApplicationScoped
class RailwayProjects {

    static final String ENVIRONMENT = "production";

    private final RailwayGraphql graphql;

    RailwayProjects(RailwayGraphql graphql) {
        this.graphql = graphql;
    }

    Uni<String> workspace(PlatformCredential credential, PlatformStep step) {
        if (credential.teamId().isPresent()) {
            return Uni.createFrom().item(credential.teamId().get());
        }
        return graphql.query(credential, step, "me", graphql.variables()).map(data -> {
            JsonNode workspaces = data.path("me").path("workspaces");
            if (!workspaces.isArray() || workspaces.isEmpty()) {
                throw PlatformException.of(ErrorCode.VALIDATION_FAILED, PlatformId.RAILWAY, step, false,
                        "The Railway account has no workspace to deploy into");
            }
            return workspaces.get(0).path("id").asText();
        });
    }

    /** The caller's project with exactly this name (the oldest one when several share it). */
    Uni<Optional<String>> find(PlatformCredential credential, String workspaceId, String name, PlatformStep step) {
        return page(credential, workspaceId, null, step, new ArrayList<>()).map(ids -> ids.stream()
                .filter(p -> p[1].equals(name)).map(p -> p[0]).findFirst());
    }

    private Uni<List<String[]>> page(PlatformCredential credential, String workspaceId, String after,
            PlatformStep step, List<String[]> acc) {
        ObjectNode vars = graphql.variables().put("workspaceId", workspaceId);
        if (after != null) {
            vars.put("after", after);
        }
        return graphql.query(credential, step, "projects", vars).chain(data -> {
            JsonNode projects = data.path("projects");
            projects.path("edges").forEach(e -> acc.add(new String[] { e.path("node").path("id").asText(),
                    e.path("node").path("name").asText() }));
            Optional<String> next = projects.path("pageInfo").path("hasNextPage").asBoolean(false)
                    ? RailwayGraphql.text(projects.path("pageInfo").path("endCursor")) : Optional.empty();
            return next.isPresent() && acc.size() < 10_000 ? page(credential, workspaceId, next.get(), step, acc)
                    : Uni.createFrom().item(acc);
        });
    }

    Uni<PlatformProject> ensure(PlatformCredential credential, String name) {
        return workspace(credential, PlatformStep.CREATE)
                .chain(ws -> find(credential, ws, name, PlatformStep.CREATE).chain(found -> found.isPresent()
                        ? reuse(credential, found.get(), name)
                        : create(credential, ws, name)));
    }

    private Uni<PlatformProject> create(PlatformCredential credential, String workspaceId, String name) {
        ObjectNode input = graphql.variables().put("name", name).put("workspaceId", workspaceId)
                .put("defaultEnvironmentName", ENVIRONMENT).put("description", "Deployed by Deploy Gateway");
        return graphql.mutate(credential, PlatformStep.CREATE, "projectCreate", wrap(input)).chain(data -> {
            JsonNode project = data.path("projectCreate");
            String projectId = project.path("id").asText();
            String environmentId = environment(project);
            return createService(credential, projectId, environmentId, name)
                    .map(serviceId -> new PlatformProject(new RailwayProjectRef(projectId, environmentId, serviceId)
                            .encode(), name, true));
        });
    }

    /** An existing project: its production environment and the service named like it (created if missing). */
    private Uni<PlatformProject> reuse(PlatformCredential credential, String projectId, String name) {
        return graphql.query(credential, PlatformStep.CREATE, "project", graphql.variables().put("id", projectId))
                .chain(data -> {
                    JsonNode project = data.path("project");
                    String environmentId = environment(project);
                    String serviceName = serviceName(name);
                    Optional<String> service = Optional.empty();
                    for (JsonNode edge : project.path("services").path("edges")) {
                        if (edge.path("node").path("name").asText().equals(serviceName)) {
                            service = Optional.of(edge.path("node").path("id").asText());
                        }
                    }
                    Uni<String> serviceId = service.map(id -> Uni.createFrom().item(id))
                            .orElseGet(() -> createService(credential, projectId, environmentId, name));
                    return serviceId.map(id -> new PlatformProject(
                            new RailwayProjectRef(projectId, environmentId, id).encode(), name, false));
                });
    }

    private Uni<String> createService(PlatformCredential credential, String projectId, String environmentId,
            String name) {
        ObjectNode input = graphql.variables().put("projectId", projectId).put("environmentId", environmentId)
                .put("name", serviceName(name));
        return graphql.mutate(credential, PlatformStep.CREATE, "serviceCreate", wrap(input))
                .map(data -> data.path("serviceCreate").path("id").asText());
    }

    /** The service's public domain: the existing one, else a new {@code *.up.railway.app} one. */
    Uni<String> domain(PlatformCredential credential, RailwayProjectRef ref) {
        ObjectNode vars = graphql.variables().put("projectId", ref.projectId())
                .put("environmentId", ref.environmentId()).put("serviceId", ref.serviceId());
        return graphql.query(credential, PlatformStep.DEPLOY, "domains", vars).chain(data -> {
            JsonNode domains = data.path("domains").path("serviceDomains");
            if (domains.isArray() && !domains.isEmpty()) {
                return Uni.createFrom().item(domains.get(0).path("domain").asText());
            }
            ObjectNode input = graphql.variables().put("environmentId", ref.environmentId())
                    .put("serviceId", ref.serviceId());
            return graphql.mutate(credential, PlatformStep.DEPLOY, "serviceDomainCreate", wrap(input))
                    .map(created -> created.path("serviceDomainCreate").path("domain").asText());
        });
    }

    static String serviceName(String projectName) {
        String cleaned = projectName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        cleaned = cleaned.isEmpty() ? "app" : cleaned;
        return cleaned.length() > 32 ? cleaned.substring(0, 32).replaceAll("-+$", "") : cleaned;
    }

    private ObjectNode wrap(ObjectNode input) {
        ObjectNode vars = graphql.variables();
        vars.set("input", input);
        return vars;
    }

    private static String environment(JsonNode project) {
        JsonNode edges = project.path("environments").path("edges");
        for (JsonNode edge : edges) {
            if (ENVIRONMENT.equals(edge.path("node").path("name").asText())) {
                return edge.path("node").path("id").asText();
            }
        }
        if (edges.isArray() && !edges.isEmpty()) {
            return edges.get(0).path("node").path("id").asText();
        }
        throw PlatformException.of(ErrorCode.PLATFORM_UNAVAILABLE, PlatformId.RAILWAY, PlatformStep.CREATE, true,
                "Railway returned a project without environments");
    }
}
