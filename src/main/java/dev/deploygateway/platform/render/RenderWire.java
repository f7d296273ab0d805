package dev.deploygateway.platform.render;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Render's wire shapes as records, built against {@code contracts/render/openapi.json}: lenient on unknown members and
 * on the ones real answers leave out or send as null although the document requires them (platform-contracts §3.10:
 * {@code project}, array members, {@code finishedAt}), strict on the members the gateway relies on
 * ({@code required = true}). Requests are written strictly: only members the document defines, no nulls.
 */
final class RenderWire {

    private RenderWire() {
    }

    /** {@code ownerWithCursor}. */
    record OwnerWithCursor(@JsonProperty(required = true) Owner owner, String cursor) {
    }

    /** A workspace: {@code type} is {@code user} or {@code team}. */
    record Owner(@JsonProperty(required = true) String id, @JsonProperty(required = true) String name, String email,
            @JsonProperty(required = true) String type) {
    }

    /** {@code serviceWithCursor}. */
    record ServiceWithCursor(@JsonProperty(required = true) Service service, String cursor) {
    }

    /** {@code service}, the members the gateway reads. */
    record Service(@JsonProperty(required = true) String id, @JsonProperty(required = true) String name,
            @JsonProperty(required = true) String ownerId, @JsonProperty(required = true) String type,
            @JsonProperty(required = true) String slug, String repo, String branch, String autoDeploy,
            String dashboardUrl, @JsonProperty(required = true) ServiceDetails serviceDetails) {
    }

    /**
     * The {@code serviceDetails} of a static site or web service. The document's {@code oneOf} branches overlap, so
     * they are not told apart by shape but read leniently for the members both have ({@code url}).
     */
    record ServiceDetails(String url, String publishPath, String buildCommand, String runtime, String region) {
    }

    /** {@code serviceAndDeploy}: creating a service starts its first deploy. */
    record ServiceAndDeploy(@JsonProperty(required = true) Service service, String deployId) {
    }

    /** {@code servicePOST}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewService(String type, String name, String ownerId, String repo, String branch, String autoDeploy,
            String rootDir, List<EnvVarInput> envVars, Object serviceDetails) {
        @Override
        public String toString() {
            return "NewService[" + type + " " + name + " from " + repo + "#" + branch + ", " + envVars.size()
                    + " env vars]";
        }
    }

    /** {@code envVarKeyValue}; never printed with its value. */
    record EnvVarInput(String key, String value) {
        @Override
        public String toString() {
            return "EnvVarInput[" + key + "=***]";
        }
    }

    /** {@code staticSiteDetailsPOST}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StaticSiteDetails(String buildCommand, String publishPath) {
    }

    /** {@code webServiceDetailsPOST}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebServiceDetails(String runtime, String plan, String region, NativeDetails envSpecificDetails) {
    }

    /** {@code nativeEnvironmentDetailsPOST}: both commands are required by the document. */
    record NativeDetails(String buildCommand, String startCommand) {
    }

    /** {@code envVarValue}: the body of {@code PUT /services/{id}/env-vars/{key}}. */
    record EnvVarValue(String value) {
        @Override
        public String toString() {
            return "EnvVarValue[***]";
        }
    }

    /** {@code envVar}. */
    record EnvVar(@JsonProperty(required = true) String key, String value) {
        @Override
        public String toString() {
            return "EnvVar[" + key + "=***]";
        }
    }

    /** {@code deploy}. */
    record Deploy(@JsonProperty(required = true) String id, String status, String trigger, Commit commit,
            String createdAt, String startedAt, String finishedAt, String updatedAt) {
    }

    /** A deploy's {@code commit}; null for image deploys. */
    record Commit(String id, String message, String createdAt) {
    }

    /** {@code deployWithCursor}. */
    record DeployWithCursor(@JsonProperty(required = true) Deploy deploy, String cursor) {
    }

    /** The body of {@code POST /services/{id}/deploys}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewDeploy(String clearCache, String commitId) {
    }

    /** The body of {@code POST /services/{id}/rollback}. */
    record Rollback(String deployId) {
    }

    /** {@code postgresDetail}, the members the gateway reads ({@code project}, {@code ipAllowList} may be absent). */
    record Postgres(@JsonProperty(required = true) String id, @JsonProperty(required = true) String name,
            @JsonProperty(required = true) String status, String region, String plan) {
    }

    /** {@code postgresWithCursor}. */
    record PostgresWithCursor(@JsonProperty(required = true) Postgres postgres, String cursor) {
    }

    /** {@code postgresPOSTInput}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NewPostgres(String name, String ownerId, String plan, String version, String region) {
    }

    /** {@code postgresConnectionInfo}: secrets, never printed. */
    record ConnectionInfo(@JsonProperty(required = true) String internalConnectionString,
            String externalConnectionString, String password, String psqlCommand) {
        @Override
        public String toString() {
            return "ConnectionInfo[***]";
        }
    }

    /** {@code GET /logs}: a page and where the next one starts. */
    record Logs(@JsonProperty(required = true) boolean hasMore, String nextStartTime, String nextEndTime,
            List<Log> logs) {
        Logs {
            logs = logs == null ? List.of() : List.copyOf(logs);
        }
    }

    /** One log entry, also one frame of the log subscription websocket. */
    record Log(@JsonProperty(required = true) String id, @JsonProperty(required = true) String message,
            @JsonProperty(required = true) String timestamp, List<Label> labels) {

        String label(String name) {
            return labels == null ? "" : labels.stream().filter(l -> name.equals(l.name())).map(Label::value)
                    .findFirst().orElse("");
        }
    }

    record Label(@JsonProperty(required = true) String name, @JsonProperty(required = true) String value) {
    }
}
