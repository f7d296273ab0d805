package dev.deploygateway.platform.railway;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

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
        return graphql.query(credential, step, RailwayData.ME, graphql.variables()).map(data -> data.me()
                .workspaces().stream().findFirst().map(RailwayData.Named::id).orElseThrow(() -> PlatformException
                        .of(ErrorCode.VALIDATION_FAILED, PlatformId.RAILWAY, step, false,
                                "The Railway account has no workspace to deploy into")));
    }

    /** The caller's project with exactly this name (the oldest one when several share it). */
    Uni<Optional<String>> find(PlatformCredential credential, String workspaceId, String name, PlatformStep step) {
        return page(credential, workspaceId, null, step, new ArrayList<>()).map(projects -> projects.stream()
                .filter(p -> name.equals(p.name())).map(RailwayData.Named::id).findFirst());
    }

    private Uni<List<RailwayData.Named>> page(PlatformCredential credential, String workspaceId, String after,
            PlatformStep step, List<RailwayData.Named> acc) {
        ObjectNode vars = graphql.variables().put("workspaceId", workspaceId);
        if (after != null) {
            vars.put("after", after);
        }
        return graphql.query(credential, step, RailwayData.PROJECTS, vars).chain(data -> {
            data.projects().edges().forEach(e -> acc.add(e.node()));
            Optional<String> next = data.projects().next();
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
        return graphql.mutate(credential, PlatformStep.CREATE, RailwayData.PROJECT_CREATE, graphql.input(input))
                .chain(data -> {
                    RailwayData.Project project = data.projectCreate();
                    String projectId = project.id();
                    String environmentId = environment(project);
                    return createService(credential, projectId, environmentId, name)
                            .map(serviceId -> new PlatformProject(
                                    new RailwayProjectRef(projectId, environmentId, serviceId)
                                            .encode(),
                                    name, true));
                });
    }

    /** An existing project: its production environment and the service named like it (created if missing). */
    private Uni<PlatformProject> reuse(PlatformCredential credential, String projectId, String name) {
        return graphql.query(credential, PlatformStep.CREATE, RailwayData.PROJECT,
                graphql.variables().put("id", projectId)).chain(data -> {
                    RailwayData.Project project = data.project();
                    String environmentId = environment(project);
                    String serviceName = serviceName(name);
                    Optional<String> service = project.serviceList().stream()
                            .filter(s -> serviceName.equals(s.name())).reduce((first, last) -> last)
                            .map(RailwayData.Named::id);
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
        return graphql.mutate(credential, PlatformStep.CREATE, RailwayData.SERVICE_CREATE, graphql.input(input))
                .map(data -> data.serviceCreate().id());
    }

    /** The service's public domain: the existing one, else a new {@code *.up.railway.app} one. */
    Uni<String> domain(PlatformCredential credential, RailwayProjectRef ref) {
        ObjectNode vars = graphql.variables().put("projectId", ref.projectId())
                .put("environmentId", ref.environmentId()).put("serviceId", ref.serviceId());
        return graphql.query(credential, PlatformStep.DEPLOY, RailwayData.DOMAINS, vars).chain(data -> {
            List<RailwayData.Domain> domains = data.domains().serviceDomains();
            if (!domains.isEmpty()) {
                return Uni.createFrom().item(domains.get(0).domain());
            }
            ObjectNode input = graphql.variables().put("environmentId", ref.environmentId())
                    .put("serviceId", ref.serviceId());
            return graphql.mutate(credential, PlatformStep.DEPLOY, RailwayData.DOMAIN_CREATE, graphql.input(input))
                    .map(created -> created.serviceDomainCreate().domain());
        });
    }

    static String serviceName(String projectName) {
        String cleaned = projectName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        cleaned = cleaned.isEmpty() ? "app" : cleaned;
        return cleaned.length() > 32 ? cleaned.substring(0, 32).replaceAll("-+$", "") : cleaned;
    }

    private static String environment(RailwayData.Project project) {
        List<RailwayData.Named> environments = project.environmentList();
        Optional<RailwayData.Named> named = environments.stream().filter(e -> ENVIRONMENT.equals(e.name()))
                .findFirst().or(() -> environments.stream().findFirst());
        if (named.isPresent()) {
            return named.get().id();
        }
        throw PlatformException.of(ErrorCode.PLATFORM_UNAVAILABLE, PlatformId.RAILWAY, PlatformStep.CREATE, true,
                "Railway returned a project without environments");
    }
}
