package dev.deploygateway.platform.vercel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Vercel's wire shapes as records, checked against {@code contracts/vercel/openapi.json} by {@code VercelWireTest}
 * (every member a record reads or writes is in the operation's schema; the ones marked {@code required = true} are
 * required there too). Reading is lenient on what Vercel adds (the REST client's Jackson ignores unknown members)
 * and strict on the members the gateway relies on: a missing one fails the call instead of becoming null. Requests
 * leave out what is not set ({@code NON_NULL}), since Vercel treats an explicit null differently from an absence.
 */
final class VercelWire {

    private VercelWire() {
    }

    /** {@code GET /v2/user}. */
    record UserResponse(@JsonProperty(required = true) User user) {
    }

    /** {@code AuthUser} / {@code AuthUserLimited}: the members the account shows. */
    record User(@JsonProperty(required = true) String id, @JsonProperty(required = true) String username,
            String email) {
    }

    /** {@code GET /v2/teams}: the first page is the account's teams the gateway lists. */
    record TeamsResponse(List<Team> teams) {
        TeamsResponse {
            teams = teams == null ? List.of() : List.copyOf(teams);
        }
    }

    /** A team; {@code name} may be null, and the slug is shown then. */
    record Team(@JsonProperty(required = true) String id, @JsonProperty(required = true) String slug, String name) {
    }

    /** {@code GET /v9/projects/{idOrName}} and the answer of {@code POST /v11/projects}. */
    record Project(@JsonProperty(required = true) String id, @JsonProperty(required = true) String name,
            Map<String, Target> targets) {

        /** {@code targets.production}: the deployment production serves, when there is one. */
        Optional<Target> production() {
            return Optional.ofNullable(targets).map(t -> t.get("production")).filter(t -> t.id() != null);
        }
    }

    /** A target: its deployment id and the domains it answers on. */
    record Target(String id, List<String> alias) {
        Optional<String> firstAlias() {
            return alias == null ? Optional.empty() : alias.stream().findFirst();
        }
    }

    /** {@code POST /v11/projects}: the settings a scaffold sets; absent ones are Vercel's detection. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProjectCreate(String name, String framework, String buildCommand, String installCommand,
            String outputDirectory, String rootDirectory) {
    }

    /** One variable of {@code POST /v10/projects/{idOrName}/env?upsert=true}. */
    record EnvVar(String key, String value, String type, List<String> target) {

        /** Never prints the value (a record's generated toString would). */
        @Override
        public String toString() {
            return "EnvVar[key=" + key + ", value=***, type=" + type + "]";
        }
    }

    /** The env upsert's answer: the variables Vercel refused, each with its error. */
    record EnvUpsertResponse(List<EnvFailure> failed) {
        EnvUpsertResponse {
            failed = failed == null ? List.of() : List.copyOf(failed);
        }
    }

    /** One refused variable. */
    record EnvFailure(@JsonProperty(required = true) Error error) {
    }

    /** Vercel's {@code {code, message}} (env failures, {@code aliasError}). */
    record Error(String code, String message) {
    }

    /** {@code POST /v13/deployments}: a new deployment by file digests, or a redeploy of {@code deploymentId}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeploymentCreate(String name, String project, List<FileRef> files, String deploymentId, String target,
            Map<String, String> meta) {
    }

    /** A file of the deployment by its SHA-1: Vercel asks for the blobs it lacks ({@code missing_files}). */
    record FileRef(String file, String sha, long size) {
    }

    /** A deployment ({@code GET /v13/deployments/{idOrUrl}}, create, cancel): the members the gateway reads. */
    record Deployment(@JsonProperty(required = true) String id, String projectId, String readyState, String url,
            boolean aliasAssigned, Error aliasError, String errorCode, String errorMessage, long createdAt) {

        /** The raw state; empty when Vercel left it out. */
        String state() {
            return readyState == null ? "" : readyState;
        }
    }

    /** One configuration of {@code GET /v1/integrations/configurations} (the document does not require its id). */
    record Configuration(String id) {
    }

    /** {@code GET /v1/integrations/configuration/{id}/products}. */
    record ProductsResponse(List<Product> products) {
        ProductsResponse {
            products = products == null ? List.of() : List.copyOf(products);
        }
    }

    /** An integration's product; a database product has an enabled {@code storage} protocol. */
    record Product(@JsonProperty(required = true) String id, String slug, String name, Protocols protocols) {
        boolean storage() {
            return protocols != null && protocols.storage() != null && "enabled".equals(protocols.storage().status());
        }
    }

    /** A product's {@code protocols}, the one the gateway looks at. */
    record Protocols(Status storage) {
    }

    /** A protocol's {@code status}: {@code enabled} or {@code disabled}. */
    record Status(String status) {
    }

    /** {@code POST /v1/storage/stores/integration/direct}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoreCreate(String name, String integrationConfigurationId, String integrationProductIdOrSlug) {
    }

    /** The created store. */
    record StoreResponse(@JsonProperty(required = true) Store store) {
    }

    /**
     * A store: only the names of its secrets are read, never their values. The document's schema leaves out
     * {@code id} and {@code name}; Vercel's CLI reads {@code store.id} (platform-contracts §1.7), so does the gateway.
     */
    record Store(@JsonProperty(required = true) String id, String name, String status, List<Secret> secrets) {
        Store {
            secrets = secrets == null ? List.of() : List.copyOf(secrets);
        }
    }

    /** A store secret's name (its value is not bound, so it is never held). */
    record Secret(String name) {
    }

    /** {@code POST /v1/integrations/installations/{id}/resources/{resourceId}/connections}. */
    record StoreConnect(String projectId) {
    }

    /**
     * A line of {@code /v3/deployments/{id}/events}: the document's two shapes, members at the top or in
     * {@code payload}; keep-alives are {@code {}}.
     */
    @RegisterForReflection
    record EventLine(String type, Long created, String id, String text, Info info, Payload payload) {
    }

    /** The {@code payload} of an event line. */
    @RegisterForReflection
    record Payload(Long created, String id, String text, Info info) {
    }

    /** An event's {@code info}; {@code deployment-state} lines carry the new {@code readyState} there. */
    @RegisterForReflection
    record Info(String readyState) {
    }
}
