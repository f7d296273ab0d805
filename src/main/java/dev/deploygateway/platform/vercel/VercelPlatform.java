package dev.deploygateway.platform.vercel;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.deploygateway.config.VercelConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.Capability;
import dev.deploygateway.platform.DatabaseInfo;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.NameAvailability;
import dev.deploygateway.platform.PlatformAccount;
import dev.deploygateway.platform.PlatformCapabilities;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformDeployment;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformOAuth;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.PreparedSource;
import dev.deploygateway.platform.ProductionDeployment;
import dev.deploygateway.platform.ProjectSpec;
import dev.deploygateway.platform.SourceLimits;
import dev.deploygateway.platform.UploadProgress;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Vercel behind the platform SPI. Stateless: every call uses the credential it is given. */
@ApplicationScoped
public class VercelPlatform implements DeploymentPlatform {

    static final PlatformCapabilities CAPABILITIES = PlatformCapabilities.of(Capability.API_TOKEN,
            Capability.FILE_UPLOAD, Capability.DATABASE, Capability.CANCEL, Capability.REDEPLOY, Capability.ROLLBACK,
            Capability.PROMOTE);

    private final VercelApi api;
    private final VercelCalls calls;
    private final VercelUploader uploader;
    private final VercelEvents events;
    private final VercelOAuth oauth;
    private final VercelDatabases databases;
    private final VercelConfig config;

    VercelPlatform(@RestClient VercelApi api, VercelCalls calls, VercelUploader uploader, VercelEvents events,
            VercelOAuth oauth, VercelDatabases databases, VercelConfig config) {
        this.api = api;
        this.calls = calls;
        this.uploader = uploader;
        this.events = events;
        this.oauth = oauth;
        this.databases = databases;
        this.config = config;
    }

    @Override
    public PlatformId id() {
        return PlatformId.VERCEL;
    }

    @Override
    public PlatformCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public Optional<PlatformOAuth> oauth() {
        return Optional.of(oauth);
    }

    @Override
    public Uni<PlatformAccount> verify(PlatformCredential credential) {
        return calls.idempotent(PlatformStep.AUTH, () -> api.user(credential.bearer()))
                .chain(user -> calls.idempotent(PlatformStep.AUTH, () -> api.teams(credential.bearer()))
                        .map(teams -> account(user.path("user"), teams.path("teams"))));
    }

    @Override
    public Optional<String> projectNameProblem(String name) {
        return VercelNames.valid(name) ? Optional.empty() : Optional.of(VercelNames.RULE);
    }

    @Override
    public Uni<NameAvailability> checkProjectName(PlatformCredential credential, String name) {
        if (!VercelNames.valid(name)) {
            return Uni.createFrom().item(NameAvailability.invalid(name, VercelNames.RULE));
        }
        return findProject(credential, name, PlatformStep.CHECK)
                .map(found -> found.isPresent() ? NameAvailability.taken(name) : NameAvailability.available(name));
    }

    @Override
    public Uni<PlatformProject> ensureProject(PlatformCredential credential, ProjectSpec spec) {
        if (!VercelNames.valid(spec.name())) {
            return Uni.createFrom().failure(PlatformException.of(ErrorCode.VALIDATION_FAILED, id(),
                    PlatformStep.CREATE, false, VercelNames.RULE));
        }
        String team = credential.teamId().orElse(null);
        return findProject(credential, spec.name(), PlatformStep.CREATE).chain(found -> found
                .map(p -> Uni.createFrom().item(p))
                .orElseGet(() -> calls.once(PlatformStep.CREATE,
                        () -> api.createProject(credential.bearer(), team, projectBody(spec)))
                        .map(json -> new PlatformProject(json.path("id").asText(), json.path("name").asText(), true))
                        // Lost a race with a concurrent create of the same name: reuse the winner's project.
                        .onFailure(e -> e instanceof PlatformException p && p.code() == ErrorCode.PROJECT_NAME_TAKEN)
                        .recoverWithUni(e -> findProject(credential, spec.name(), PlatformStep.CREATE)
                                .map(again -> again.orElseThrow(() -> (PlatformException) e)))));
    }

    @Override
    public Uni<Void> setEnvironment(PlatformCredential credential, PlatformProject project, List<EnvVar> variables) {
        if (variables.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<ObjectNode> body = new ArrayList<>();
        for (EnvVar variable : variables) {
            ObjectNode item = JsonNodeFactory.instance.objectNode().put("key", variable.key())
                    .put("value", variable.value()).put("type", variable.sensitive() ? "encrypted" : "plain");
            item.putArray("target").add("production").add("preview").add("development");
            body.add(item);
        }
        // Upsert by key is idempotent, so it may be retried.
        return calls.idempotent(PlatformStep.CONFIGURE, () -> api.upsertEnv(credential.bearer(), project.id(), "true",
                credential.teamId().orElse(null), body)).map(json -> {
                    JsonNode failed = json.path("failed");
                    if (failed.isArray() && !failed.isEmpty()) {
                        JsonNode error = failed.get(0).path("error");
                        throw new PlatformException(ErrorCode.VALIDATION_FAILED, id(), PlatformStep.CONFIGURE, false,
                                failed.size() + " environment variable(s) were rejected by Vercel",
                                Optional.of(error.path("code").asText()), Optional.of(error.path("message").asText()),
                                Optional.empty(), null);
                    }
                    return null;
                });
    }

    @Override
    public SourceLimits sourceLimits() {
        return new SourceLimits(config.maxFiles(), config.maxFileBytes(), config.maxTotalBytes());
    }

    @Override
    public Uni<PlatformDeployment> deploy(PlatformCredential credential, PlatformProject project,
            PreparedSource source, DeploySpec spec, UploadProgress progress) {
        return uploader.deploy(credential, project, source, spec, progress).map(this::deployment);
    }

    @Override
    public Uni<PlatformDeployment> status(PlatformCredential credential, String deploymentId) {
        return calls.idempotent(PlatformStep.WATCH, () -> api.deployment(credential.bearer(), deploymentId,
                credential.teamId().orElse(null))).map(this::deployment);
    }

    @Override
    public Multi<PlatformEvent> events(PlatformCredential credential, String deploymentId, Optional<Instant> since) {
        return events.follow(credential, deploymentId, since);
    }

    @Override
    public Uni<PlatformDeployment> cancel(PlatformCredential credential, String deploymentId) {
        return calls.once(PlatformStep.MANAGE, () -> api.cancel(credential.bearer(), deploymentId,
                credential.teamId().orElse(null))).map(this::deployment);
    }

    @Override
    public Uni<PlatformDeployment> redeploy(PlatformCredential credential, PlatformProject project,
            String deploymentId, DeploySpec spec) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", project.name())
                .put("project", project.id()).put("deploymentId", deploymentId);
        if (spec.production()) {
            body.put("target", "production");
        }
        return calls.once(PlatformStep.DEPLOY, () -> api.createDeployment(credential.bearer(),
                credential.teamId().orElse(null), "1", body)).map(this::deployment);
    }

    @Override
    public Uni<Void> rollback(PlatformCredential credential, PlatformProject project, String deploymentId) {
        return calls.once(PlatformStep.MANAGE, () -> api.rollback(credential.bearer(), project.id(), deploymentId,
                credential.teamId().orElse(null))).replaceWithVoid();
    }

    @Override
    public Uni<Void> promote(PlatformCredential credential, PlatformProject project, String deploymentId) {
        return calls.once(PlatformStep.MANAGE, () -> api.promote(credential.bearer(), project.id(), deploymentId,
                credential.teamId().orElse(null))).replaceWithVoid();
    }

    /** {@code targets.production} of the project: the deployment production serves and its first domain. */
    @Override
    public Uni<Optional<ProductionDeployment>> production(PlatformCredential credential, PlatformProject project) {
        return calls.idempotent(PlatformStep.MANAGE, () -> api.project(credential.bearer(), project.id(),
                credential.teamId().orElse(null))).map(json -> {
                    JsonNode production = json.path("targets").path("production");
                    if (!production.hasNonNull("id")) {
                        return Optional.empty();
                    }
                    Optional<URI> url = Optional.ofNullable(production.path("alias").path(0).textValue())
                            .map(host -> URI.create(config.siteUrlTemplate().replace("{host}", host)));
                    return Optional.of(new ProductionDeployment(production.path("id").asText(), url));
                });
    }

    @Override
    public Uni<DatabaseInfo> provisionDatabase(PlatformCredential credential, PlatformProject project,
            DatabaseInfo.Kind kind) {
        return databases.provision(credential, project, kind);
    }

    private Uni<Optional<PlatformProject>> findProject(PlatformCredential credential, String name, PlatformStep step) {
        return calls.idempotent(step, () -> api.project(credential.bearer(), name, credential.teamId().orElse(null)))
                .map(json -> Optional.of(new PlatformProject(json.path("id").asText(), json.path("name").asText(),
                        false)))
                .onFailure(e -> e instanceof PlatformException p && p.code() == ErrorCode.NOT_FOUND)
                .recoverWithItem(Optional.empty());
    }

    private PlatformDeployment deployment(JsonNode json) {
        String raw = json.path("readyState").asText("");
        PlatformState state = VercelStates.of(raw, json.path("aliasAssigned").asBoolean(false),
                json.hasNonNull("aliasError")).orElse(PlatformState.PENDING);
        Optional<URI> url = Optional.of(json.path("url").asText("")).filter(u -> !u.isBlank())
                .map(host -> URI.create(config.siteUrlTemplate().replace("{host}", host)));
        // A READY deployment whose aliases failed carries Vercel's aliasError as its error (VercelAliases).
        boolean aliasFailed = state == PlatformState.READY;
        Optional<String> errorCode = Optional.ofNullable(json.path("errorCode").textValue())
                .or(() -> aliasFailed ? VercelAliases.errorCode(json) : Optional.empty());
        Optional<String> errorMessage = Optional.ofNullable(json.path("errorMessage").textValue())
                .or(() -> aliasFailed ? VercelAliases.errorMessage(json) : Optional.empty());
        return new PlatformDeployment(json.path("id").asText(), json.path("projectId").asText(""), state, raw, url,
                errorCode, errorMessage, Instant.ofEpochMilli(json.path("createdAt").asLong(0)));
    }

    private static ObjectNode projectBody(ProjectSpec spec) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("name", spec.name());
        spec.framework().ifPresent(v -> body.put("framework", v));
        spec.buildCommand().ifPresent(v -> body.put("buildCommand", v));
        spec.installCommand().ifPresent(v -> body.put("installCommand", v));
        spec.outputDirectory().ifPresent(v -> body.put("outputDirectory", v));
        spec.rootDirectory().ifPresent(v -> body.put("rootDirectory", v));
        return body;
    }

    private static PlatformAccount account(JsonNode user, JsonNode teams) {
        List<PlatformAccount.Team> list = new ArrayList<>();
        teams.forEach(t -> list.add(new PlatformAccount.Team(t.path("id").asText(), t.path("slug").asText(),
                t.path("name").asText(t.path("slug").asText()))));
        return new PlatformAccount(user.path("id").asText(), user.path("username").asText(),
                Optional.ofNullable(user.path("email").textValue()), list);
    }
}
