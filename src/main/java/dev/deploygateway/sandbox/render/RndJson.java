package dev.deploygateway.sandbox.render;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's answers in the shapes of Render's OpenAPI document, with every member it requires, and departing from
 * it where recorded real answers do (platform-contracts §3.10): a running deploy's {@code finishedAt} is null,
 * Postgres objects leave out {@code project} and send {@code ipAllowList: null}, static sites carry
 * {@code autoDeployTrigger}.
 */
final class RndJson {

    private RndJson() {
    }

    static Map<String, Object> owner(RndAccounts.Owner owner) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", owner.id());
        json.put("name", owner.name());
        json.put("email", owner.email());
        json.put("type", owner.type());
        if ("user".equals(owner.type())) {
            json.put("twoFactorAuthEnabled", false);
        }
        return json;
    }

    static Map<String, Object> service(RndService s, String siteUrlTemplate) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", s.id);
        json.put("autoDeploy", s.autoDeploy);
        json.put("branch", s.branch);
        json.put("createdAt", time(s.createdAt));
        json.put("dashboardUrl", "https://dashboard.render.com/" + (s.staticSite() ? "static/" : "web/") + s.id);
        json.put("name", s.name);
        json.put("notifyOnFail", "default");
        json.put("ownerId", s.ownerId);
        json.put("repo", s.repo);
        json.put("rootDir", s.rootDir);
        json.put("slug", s.slug);
        json.put("suspended", "not_suspended");
        json.put("suspenders", List.of());
        json.put("type", s.type);
        json.put("updatedAt", time(s.updatedAt));
        String url = siteUrlTemplate.replace("{slug}", s.slug);
        var details = new LinkedHashMap<String, Object>();
        if (s.staticSite()) {
            json.put("autoDeployTrigger", "commit");
            details.put("buildCommand", s.detail("buildCommand", ""));
            details.put("publishPath", s.detail("publishPath", "public"));
            details.put("url", url);
            details.put("buildPlan", "starter");
        } else {
            String runtime = s.detail("runtime", "node");
            details.put("env", runtime);
            details.put("runtime", runtime);
            details.put("envSpecificDetails", Map.of("buildCommand", s.detail("buildCommand", ""), "startCommand",
                    s.detail("startCommand", "")));
            details.put("plan", s.detail("plan", "starter"));
            details.put("region", s.detail("region", "oregon"));
            details.put("numInstances", 1);
            details.put("buildPlan", "starter");
            details.put("healthCheckPath", "");
            details.put("openPorts", List.of());
            details.put("url", url);
        }
        json.put("serviceDetails", details);
        return json;
    }

    static Map<String, Object> deploy(RndDeploy d) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", d.id);
        if (d.commitId != null) {
            var commit = new LinkedHashMap<String, Object>();
            commit.put("id", d.commitId);
            commit.put("message", d.commitMessage == null ? "" : d.commitMessage);
            commit.put("createdAt", time(d.createdAt));
            json.put("commit", commit);
        }
        json.put("status", d.status);
        json.put("trigger", d.trigger);
        if (d.startedAt != null) {
            json.put("startedAt", time(d.startedAt));
        }
        json.put("finishedAt", d.finishedAt == null ? null : time(d.finishedAt));
        json.put("createdAt", time(d.createdAt));
        json.put("updatedAt", time(d.updatedAt));
        return json;
    }

    static Map<String, Object> postgres(RndPostgres p) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", p.id);
        json.put("ipAllowList", null);
        json.put("createdAt", time(p.createdAt));
        json.put("updatedAt", time(p.createdAt));
        json.put("dashboardUrl", "https://dashboard.render.com/d/" + p.id);
        json.put("databaseName", p.databaseName);
        json.put("databaseUser", p.databaseUser);
        json.put("highAvailabilityEnabled", false);
        json.put("name", p.name);
        json.put("owner", owner(p.owner));
        json.put("plan", p.plan);
        json.put("region", p.region);
        json.put("readReplicas", List.of());
        json.put("role", "primary");
        json.put("status", p.status);
        json.put("version", p.version);
        json.put("suspended", "not_suspended");
        json.put("suspenders", List.of());
        json.put("diskAutoscalingEnabled", false);
        return json;
    }

    static Map<String, Object> connectionInfo(RndPostgres p) {
        var json = new LinkedHashMap<String, Object>();
        json.put("password", p.password);
        json.put("internalConnectionString", p.internalUrl());
        json.put("externalConnectionString", p.externalUrl());
        json.put("psqlCommand", "PGPASSWORD=" + p.password + " psql -h " + p.id + "-a." + p.region
                + "-postgres.render.com -U " + p.databaseUser + " " + p.databaseName);
        return json;
    }

    /** A list item with its cursor, as Render's list endpoints answer. */
    static Map<String, Object> withCursor(String member, Map<String, Object> value, String id) {
        var json = new LinkedHashMap<String, Object>();
        json.put(member, value);
        json.put("cursor", id);
        return json;
    }

    static String time(Instant instant) {
        return instant.toString();
    }
}
