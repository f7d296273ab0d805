package dev.deploygateway.sandbox.vercel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Response bodies in the shapes of Vercel's OpenAPI document (required members always present). */
final class SandboxJson {

    private SandboxJson() {
    }

    static Map<String, Object> project(SandboxProject p) {
        synchronized (p) {
            var json = new LinkedHashMap<String, Object>();
            json.put("accountId", p.ownerId);
            json.put("id", p.id);
            json.put("name", p.name);
            json.put("directoryListing", false);
            json.put("nodeVersion", "22.x");
            json.put("resourceConfig", Map.of("functionDefaultRegions", List.of("iad1")));
            json.put("defaultResourceConfig", Map.of("functionDefaultRegions", List.of("iad1")));
            json.put("createdAt", p.createdAt);
            json.put("updatedAt", p.updatedAt);
            if (p.settings != null) {
                p.settings.forEach(json::putIfAbsent);
            }
            return json;
        }
    }

    static Map<String, Object> env(SandboxProject.Env e) {
        var json = new LinkedHashMap<String, Object>();
        json.put("type", e.type());
        // Sensitive values are write-only on Vercel; the sandbox answers like it.
        json.put("value", "sensitive".equals(e.type()) ? "" : e.value());
        json.put("key", e.key());
        json.put("id", e.id());
        json.put("target", e.target());
        json.put("createdAt", e.createdAt());
        return json;
    }

    /** The full deployment object (create, cancel responses). */
    static Map<String, Object> deploymentFull(SandboxDeployment d) {
        synchronized (d) {
            var json = deploymentPublic(d);
            json.put("build", Map.of("env", List.of()));
            json.put("env", List.of());
            json.put("inspectorUrl", "https://vercel.com/" + d.creatorName + "/" + d.name + "/" + d.id.substring(4));
            json.put("isInConcurrentBuildsQueue", false);
            json.put("isInSystemBuildsQueue", false);
            json.put("projectSettings", d.projectSettings);
            json.put("projectId", d.projectId);
            json.put("ownerId", d.ownerId);
            json.put("plan", "hobby");
            json.put("createdIn", "sfo1");
            json.put("routes", null);
            return json;
        }
    }

    /**
     * The deployment object for {@code GET /v13/deployments/{id}}. Vercel's document declares that response as
     * {@code oneOf} a full and a "public" variant whose members are a subset of the full one, so a full object
     * matches both and is invalid against the document; the sandbox answers with the public variant.
     */
    static LinkedHashMap<String, Object> deploymentPublic(SandboxDeployment d) {
        synchronized (d) {
            var json = new LinkedHashMap<String, Object>();
            json.put("id", d.id);
            json.put("url", d.host);
            json.put("name", d.name);
            json.put("readyState", d.readyState);
            json.put("status", d.readyState);
            json.put("type", "LAMBDAS");
            json.put("createdAt", d.createdAt);
            json.put("buildingAt", d.buildingAt == 0 ? d.createdAt : d.buildingAt);
            json.put("bootedAt", d.createdAt);
            json.put("buildSkipped", false);
            json.put("public", false);
            json.put("version", 2);
            json.put("regions", List.of("iad1"));
            json.put("meta", d.meta);
            json.put("creator", Map.of("uid", d.creatorId, "username", d.creatorName));
            json.put("target", d.target);
            json.put("alias", d.alias);
            json.put("aliasAssigned", d.aliasAssigned);
            json.put("aliasError", null);
            if (d.ready != 0) {
                json.put("ready", d.ready);
                json.put("readySubstate", "production".equals(d.target) ? "PROMOTED" : "STAGED");
            }
            if (d.errorCode != null) {
                json.put("errorCode", d.errorCode);
                json.put("errorMessage", d.errorMessage);
                json.put("errorStep", "build");
            }
            return json;
        }
    }
}
