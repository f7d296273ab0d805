package dev.deploygateway.sandbox.vercel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Response bodies in the shapes of Vercel's OpenAPI document (required members always present). */
final class SandboxJson {

    /** Vercel's default retention (UNCONFIRMED; the SDK only says the object is there). */
    private static final Map<String, Object> DEPLOYMENT_EXPIRATION = Map.of("expirationDays", 180,
            "expirationDaysProduction", 365, "expirationDaysCanceled", 30, "expirationDaysErrored", 30,
            "deploymentsToKeep", 10);

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
            // Members the SDK (1.28.35) requires though the 2025-10 document does not list them.
            json.put("alias", p.productionDeploymentId == null ? List.of() : List.of(productionAlias(p)));
            json.put("deploymentExpiration", DEPLOYMENT_EXPIRATION);
            return json;
        }
    }

    /**
     * {@code targets.production} of a project: the deployment its production domain serves (after a production
     * build, a promote or a rollback), with the required members of the document's shape.
     */
    static Map<String, Object> productionTarget(SandboxProject p, SandboxDeployment d) {
        synchronized (d) {
            var json = new LinkedHashMap<String, Object>();
            json.put("id", d.id);
            json.put("alias", d.alias);
            json.put("aliasAssigned", d.aliasAssigned);
            json.put("createdAt", d.createdAt);
            json.put("createdIn", "sfo1");
            json.put("creator", Map.of("uid", d.creatorId, "username", d.creatorName,
                    "email", d.creatorName + "@sandbox.example"));
            json.put("deploymentHostname", p.name);
            json.put("name", d.name);
            json.put("plan", "hobby");
            json.put("private", true);
            json.put("readyState", d.readyState);
            json.put("target", d.target);
            json.put("type", "LAMBDAS");
            json.put("url", d.host);
            json.put("userId", d.creatorId);
            return json;
        }
    }

    /** The project's production domain; {@code deployment} may be null in the SDK's shape, and is here. */
    private static Map<String, Object> productionAlias(SandboxProject p) {
        var alias = new LinkedHashMap<String, Object>();
        alias.put("domain", p.name + ".vercel.app");
        alias.put("environment", "production");
        alias.put("target", "PRODUCTION");
        alias.put("deployment", null);
        alias.put("createdAt", p.createdAt);
        return alias;
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

    /**
     * The full deployment object (create, read, cancel). Vercel's document declares the read as {@code oneOf} a
     * full and a "public" variant whose members are a subset of the full one; the platform and its clients use the
     * full one (the CLI and the gateway read {@code projectId}, {@code ownerId}, {@code team}).
     */
    static Map<String, Object> deploymentFull(SandboxDeployment d) {
        synchronized (d) {
            var json = deploymentPublic(d);
            json.put("build", Map.of("env", List.of()));
            json.put("env", List.of());
            json.put("inspectorUrl", inspectorUrl(d));
            json.put("isInConcurrentBuildsQueue", false);
            json.put("isInSystemBuildsQueue", false);
            json.put("projectSettings", d.projectSettings);
            json.put("projectId", d.projectId);
            json.put("ownerId", d.ownerId);
            json.put("plan", "hobby");
            json.put("createdIn", "sfo1");
            json.put("routes", null);
            d.team.ifPresent(t -> json.put("team", Map.of("id", t.id(), "name", t.name(), "slug", t.slug())));
            return json;
        }
    }

    /** The members the full deployment object shares with every other variant. */
    private static LinkedHashMap<String, Object> deploymentPublic(SandboxDeployment d) {
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

    /** One item of {@code GET /v6/deployments} (and {@code /v7}). */
    static Map<String, Object> deploymentListItem(SandboxDeployment d) {
        synchronized (d) {
            var json = new LinkedHashMap<String, Object>();
            json.put("uid", d.id);
            json.put("name", d.name);
            json.put("projectId", d.projectId);
            json.put("url", d.host);
            json.put("created", d.createdAt);
            json.put("createdAt", d.createdAt);
            json.put("source", "cli");
            json.put("state", d.readyState);
            json.put("readyState", d.readyState);
            json.put("type", "LAMBDAS");
            json.put("creator", Map.of("uid", d.creatorId, "username", d.creatorName));
            json.put("meta", d.meta);
            json.put("target", d.target);
            json.put("aliasError", null);
            json.put("aliasAssigned", d.aliasAssigned);
            json.put("inspectorUrl", inspectorUrl(d));
            json.put("isRollbackCandidate", "READY".equals(d.readyState) && "production".equals(d.target));
            if (d.buildingAt != 0) {
                json.put("buildingAt", d.buildingAt);
            }
            if (d.ready != 0) {
                json.put("ready", d.ready);
            }
            return json;
        }
    }

    /** The one build of a deployment ({@code GET /v11/deployments/{id}/builds}), in the CLI's shape. */
    static Map<String, Object> build(SandboxDeployment d) {
        synchronized (d) {
            String state = switch (d.readyState) {
                case "QUEUED", "INITIALIZING" -> "INITIALIZING";
                case "CANCELED", "ERROR" -> "ERROR";
                default -> d.readyState;
            };
            var json = new LinkedHashMap<String, Object>();
            json.put("id", d.buildId);
            json.put("use", "@vercel/static");
            json.put("createdIn", "sfo1");
            json.put("deployedTo", "iad1");
            json.put("readyState", state);
            json.put("readyStateAt", d.ready != 0 ? d.ready : d.buildingAt != 0 ? d.buildingAt : d.createdAt);
            json.put("path", ".");
            json.put("createdAt", d.createdAt);
            return json;
        }
    }

    /** A team the caller belongs to, in the document's full {@code Team} shape. */
    static Map<String, Object> team(SandboxAccounts.Team t) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", t.id());
        json.put("slug", t.slug());
        json.put("name", t.name());
        json.put("avatar", null);
        json.put("description", null);
        json.put("creatorId", t.ownerId());
        json.put("stagingPrefix", t.slug());
        json.put("createdAt", 0);
        json.put("updatedAt", 0);
        json.put("membership", Map.of("role", "OWNER", "confirmed", true, "createdAt", 0, "created", 0,
                "teamId", t.id(), "uid", t.ownerId()));
        return json;
    }

    /**
     * The caller, in the full {@code AuthUser} variant: a personal or OAuth token reads the whole user. (The
     * "limited" variant is for tokens without that privilege and says so with {@code limited: true}.)
     */
    static Map<String, Object> user(SandboxAccounts.User user) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", user.id());
        json.put("email", user.email());
        json.put("name", user.username());
        json.put("username", user.username());
        json.put("avatar", null);
        json.put("defaultTeamId", user.teamId());
        json.put("createdAt", 0);
        json.put("softBlock", null);
        json.put("billing", null);
        json.put("resourceConfig", Map.of("concurrentBuilds", 1));
        json.put("stagingPrefix", user.username());
        json.put("hasTrialAvailable", false);
        return json;
    }

    /** The pagination member of Vercel's lists: counts and the timestamps to page with ({@code until}). */
    static Map<String, Object> pagination(int count, Long next) {
        var json = new LinkedHashMap<String, Object>();
        json.put("count", count);
        json.put("next", next);
        json.put("prev", null);
        return json;
    }

    private static String inspectorUrl(SandboxDeployment d) {
        return "https://vercel.com/" + d.creatorName + "/" + d.name + "/" + d.id.substring(4);
    }
}
