package dev.deploygateway.sandbox.railway;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Projects, deployments and template workflows, in memory and bounded ({@code sandbox.railway.max-entries} each;
 * the oldest are forgotten first). Access is checked by workspace: a caller sees the projects of its workspace.
 */
@ApplicationScoped
class BackboardStore {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{\\{\\s*([A-Za-z0-9_ -]+)\\.([A-Za-z0-9_]+)\\s*}}");

    /** A template deployment's workflow: {@code Running} until {@code completesAt}. */
    record Workflow(String id, String projectId, Instant completesAt) {
    }

    private final Map<String, BackboardProject> projects = new LinkedHashMap<>();
    private final Map<String, BackboardDeployment> deployments = new LinkedHashMap<>();
    private final Map<String, Workflow> workflows = new LinkedHashMap<>();
    private final BackboardConfig config;

    BackboardStore(BackboardConfig config) {
        this.config = config;
    }

    synchronized BackboardProject createProject(String name, String description, String workspaceId,
            String environmentName) {
        var project = new BackboardProject(BackboardIds.uuid(), name, description, workspaceId, environmentName);
        projects.put(project.id, project);
        trim(projects);
        return project;
    }

    synchronized List<BackboardProject> projectsOf(BackboardCaller.Caller caller, String workspaceId) {
        return projects.values().stream().filter(p -> p.workspaceId.equals(workspaceId) && caller.allows(p)).toList();
    }

    /** The project if it exists and the caller may see it; otherwise "Not Authorized", like Railway. */
    synchronized BackboardProject project(String id, BackboardCaller.Caller caller) {
        BackboardProject project = id == null ? null : projects.get(id);
        if (project == null || !caller.allows(project)) {
            throw BackboardError.notAuthorized();
        }
        return project;
    }

    synchronized boolean deleteProject(String id, BackboardCaller.Caller caller) {
        project(id, caller);
        projects.remove(id);
        return true;
    }

    synchronized void addDeployment(BackboardDeployment deployment) {
        deployments.put(deployment.id, deployment);
        trim(deployments);
    }

    synchronized BackboardDeployment deployment(String id, BackboardCaller.Caller caller) {
        BackboardDeployment deployment = id == null ? null : deployments.get(id);
        if (deployment == null) {
            throw BackboardError.notFound("Deployment");
        }
        project(deployment.projectId, caller);
        return deployment;
    }

    synchronized List<BackboardDeployment> deploymentsOf(String serviceId, String environmentId) {
        return deployments.values().stream()
                .filter(d -> d.serviceId.equals(serviceId) && d.environmentId.equals(environmentId))
                .sorted(Comparator.comparing((BackboardDeployment d) -> d.createdAt).reversed()).toList();
    }

    /** The live deployment serving a generated domain (its newest SUCCESS). */
    synchronized Optional<BackboardDeployment> servingDomain(String domain) {
        return deployments.values().stream().filter(d -> d.domain.equals(domain) && "SUCCESS".equals(d.status))
                .reduce((a, b) -> b);
    }

    synchronized Workflow startWorkflow(String projectId) {
        var workflow = new Workflow(BackboardIds.uuid(), projectId, Instant.now().plus(config.workflowDuration()));
        workflows.put(workflow.id(), workflow);
        trim(workflows);
        return workflow;
    }

    synchronized Optional<Workflow> workflow(String id) {
        return Optional.ofNullable(workflows.get(id));
    }

    /**
     * A service's variables with {@code ${{Service.VAR}}} references (and shared {@code ${{shared.VAR}}}) replaced by
     * the referenced values, as Railway renders them for a deployment. Unresolvable references render empty.
     */
    Map<String, String> rendered(BackboardProject project, String environmentId, BackboardProject.Service service) {
        var out = new LinkedHashMap<String, String>();
        service.variables(environmentId).forEach((k, v) -> out.put(k, render(project, environmentId, v)));
        return out;
    }

    String render(BackboardProject project, String environmentId, String value) {
        Matcher m = REFERENCE.matcher(value);
        var out = new StringBuilder();
        while (m.find()) {
            String source = m.group(1).trim();
            String key = m.group(2);
            String resolved = "shared".equals(source)
                    ? project.shared.getOrDefault(environmentId, Map.of()).get(key)
                    : project.serviceNamed(source).map(s -> s.variables(environmentId).get(key)).orElse(null);
            m.appendReplacement(out, Matcher.quoteReplacement(resolved == null ? "" : resolved));
        }
        m.appendTail(out);
        return out.toString();
    }

    private void trim(Map<String, ?> map) {
        var it = map.keySet().iterator();
        while (map.size() > config.maxEntries() && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
