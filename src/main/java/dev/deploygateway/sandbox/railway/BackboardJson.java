package dev.deploygateway.sandbox.railway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects the sandbox answers with, in the shapes of Railway's schema (types {@code Project}, {@code Service},
 * {@code Deployment}, {@code Log}, {@code ServiceDomain}, …). They carry every field the sandbox can fill;
 * graphql-java then answers exactly what the operation selected.
 */
final class BackboardJson {

    private BackboardJson() {
    }

    static Map<String, Object> project(BackboardProject p) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", p.id);
        json.put("name", p.name);
        json.put("description", p.description);
        json.put("workspaceId", p.workspaceId);
        json.put("createdAt", p.createdAt.toString());
        json.put("updatedAt", p.createdAt.toString());
        json.put("deletedAt", null);
        json.put("isPublic", false);
        json.put("prDeploys", false);
        var environments = new ArrayList<Object>();
        p.environmentsCopy().forEach((id, name) -> environments.add(Map.of("node", environment(p, id, name))));
        json.put("environments", connection(environments));
        var services = new ArrayList<Object>();
        p.servicesCopy().values().forEach(s -> services.add(Map.of("node", service(s))));
        json.put("services", connection(services));
        return json;
    }

    static Map<String, Object> environment(BackboardProject p, String id, String name) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", id);
        json.put("name", name);
        json.put("projectId", p.id);
        json.put("createdAt", p.createdAt.toString());
        return json;
    }

    static Map<String, Object> service(BackboardProject.Service s) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", s.id);
        json.put("name", s.name);
        json.put("projectId", s.projectId);
        json.put("templateId", s.templateId);
        json.put("createdAt", s.createdAt.toString());
        json.put("updatedAt", s.createdAt.toString());
        return json;
    }

    static Map<String, Object> deployment(BackboardDeployment d) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", d.id);
        json.put("status", d.status);
        json.put("createdAt", d.createdAt.toString());
        json.put("updatedAt", d.statusUpdatedAt.toString());
        json.put("statusUpdatedAt", d.statusUpdatedAt.toString());
        json.put("projectId", d.projectId);
        json.put("environmentId", d.environmentId);
        json.put("serviceId", d.serviceId);
        json.put("staticUrl", d.domain);
        json.put("url", "https://" + d.domain);
        json.put("canRedeploy", true);
        json.put("canRollback", d.succeeded && !"SUCCESS".equals(d.status));
        json.put("deploymentStopped", "REMOVED".equals(d.status));
        json.put("meta", Map.of());
        return json;
    }

    static Map<String, Object> log(BackboardDeployment.LogLine line) {
        var json = new LinkedHashMap<String, Object>();
        json.put("timestamp", line.timestamp().toString());
        json.put("message", line.message());
        json.put("severity", line.severity());
        json.put("attributes", List.of(Map.of("key", "level", "value", line.severity())));
        json.put("tags", null);
        return json;
    }

    static Map<String, Object> domain(BackboardProject.Service s, String environmentId, String domain) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", BackboardIds.uuid());
        json.put("domain", domain);
        json.put("environmentId", environmentId);
        json.put("serviceId", s.id);
        json.put("projectId", s.projectId);
        json.put("suffix", "up.railway.app");
        json.put("targetPort", null);
        json.put("createdAt", s.createdAt.toString());
        return json;
    }

    static Map<String, Object> connection(List<Object> edges) {
        var pageInfo = new LinkedHashMap<String, Object>();
        pageInfo.put("hasNextPage", false);
        pageInfo.put("hasPreviousPage", false);
        pageInfo.put("startCursor", null);
        pageInfo.put("endCursor", null);
        return Map.of("edges", edges, "pageInfo", pageInfo);
    }
}
