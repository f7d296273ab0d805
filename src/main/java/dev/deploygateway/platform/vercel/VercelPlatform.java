package dev.deploygateway.platform.vercel;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.deploygateway.config.VercelConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.Capability;
import dev.deploygateway.platform.DatabaseInfo;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.PlatformAccount;
import dev.deploygateway.platform.PlatformCapabilities;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformDeployment;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformProfile;
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

    private static final List<String> ALL_TARGETS = List.of("production", "preview", "development");

    private final PlatformProfile profile;
    private final VercelApi api;
    private final VercelCalls calls;
    private final VercelUploader uploader;
    private final VercelEvents events;
    private final VercelDatabases databases;
    private final String siteUrlTemplate;

    VercelPlatform(@RestClient VercelApi api, VercelCalls calls, VercelUploader uploader, VercelEvents events,
            VercelOAuth oauth, VercelDatabases databases, VercelConfig config) {
        this.profile = new PlatformProfile(PlatformId.VERCEL, CAPABILITIES, VercelNames.NAMING,
                new SourceLimits(config.maxFiles(), config.maxFileBytes(), config.maxTotalBytes()), Optional.of(oauth));
        this.api = api;
        this.calls = calls;
        this.uploader = uploader;
        this.events = events;
        this.databases = databases;
        this.siteUrlTemplate = config.siteUrlTemplate();
    }

    @Override
    public PlatformProfile profile() {
        return profile;
    }

    @Override
    public Uni<PlatformAccount> verify(PlatformCredential credential) {
        return calls.idempotent(PlatformStep.AUTH, () -> api.user(credential.bearer()))
                .chain(user -> calls.idempotent(PlatformStep.AUTH, () -> api.teams(credential.bearer()))
                        .map(teams -> account(user.user(), teams.teams())));
    }

    @Override
    public Uni<PlatformProject> findOrCreateProject(PlatformCredential credential, ProjectSpec spec) {
        return findProject(credential, spec.name(), PlatformStep.CREATE).chain(found -> found
                .map(p -> Uni.createFrom().item(p))
                .orElseGet(() -> calls.once(PlatformStep.CREATE,
                        () -> api.createProject(VercelCaller.of(credential), projectBody(spec)))
                        .map(created -> new PlatformProject(created.id(), created.name(), true))
                        // Lost a race with a concurrent create of the same name: reuse the winner's project.
                        .onFailure(e -> e instanceof PlatformException p && p.code() == ErrorCode.PROJECT_NAME_TAKEN)
                        .recoverWithUni(e -> findProject(credential, spec.name(), PlatformStep.CREATE)
                                .map(again -> again.orElseThrow(() -> (PlatformException) e)))));
    }

    @Override
    public Uni<Void> setEnvironment(PlatformCredential credential, PlatformProject project, List<EnvVar> variables) {
        List<VercelWire.EnvVar> body = variables.stream().map(v -> new VercelWire.EnvVar(v.key(), v.value(),
                v.sensitive() ? "encrypted" : "plain", ALL_TARGETS)).toList();
        // Upsert by key is idempotent, so it may be retried.
        return calls.idempotent(PlatformStep.CONFIGURE,
                () -> api.upsertEnv(VercelCaller.of(credential), project.id(), "true",
                        body))
                .map(answer -> {
                    List<VercelWire.EnvFailure> failed = answer.failed();
                    if (!failed.isEmpty()) {
                        VercelWire.Error error = failed.get(0).error();
                        throw new PlatformException(ErrorCode.VALIDATION_FAILED, id(), PlatformStep.CONFIGURE, false,
                                failed.size() + " environment variable(s) were rejected by Vercel",
                                Optional.ofNullable(error.code()), Optional.ofNullable(error.message()),
                                Optional.empty(), null);
                    }
                    return null;
                });
    }

    @Override
    public Uni<PlatformDeployment> deploy(PlatformCredential credential, PlatformProject project,
            PreparedSource source, DeploySpec spec, UploadProgress progress) {
        return uploader.deploy(credential, project, source, spec, progress).map(this::deployment);
    }

    @Override
    public Uni<PlatformDeployment> status(PlatformCredential credential, String deploymentId) {
        return calls.idempotent(PlatformStep.WATCH, () -> api.deployment(VercelCaller.of(credential), deploymentId))
                .map(this::deployment);
    }

    @Override
    public Multi<PlatformEvent> events(PlatformCredential credential, String deploymentId, Optional<Instant> since) {
        return events.follow(credential, deploymentId, since);
    }

    @Override
    public Uni<PlatformDeployment> cancel(PlatformCredential credential, String deploymentId) {
        return calls.once(PlatformStep.MANAGE, () -> api.cancel(VercelCaller.of(credential), deploymentId))
                .map(this::deployment);
    }

    @Override
    public Uni<PlatformDeployment> redeploy(PlatformCredential credential, PlatformProject project,
            String deploymentId, DeploySpec spec) {
        var body = new VercelWire.DeploymentCreate(project.name(), project.id(), null, deploymentId,
                spec.production() ? "production" : null, null);
        return calls.once(PlatformStep.DEPLOY, () -> api.createDeployment(VercelCaller.of(credential), "1",
                body)).map(this::deployment);
    }

    @Override
    public Uni<Void> rollback(PlatformCredential credential, PlatformProject project, String deploymentId) {
        return calls
                .once(PlatformStep.MANAGE, () -> api.rollback(VercelCaller.of(credential), project.id(), deploymentId))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> promote(PlatformCredential credential, PlatformProject project, String deploymentId) {
        return calls
                .once(PlatformStep.MANAGE, () -> api.promote(VercelCaller.of(credential), project.id(), deploymentId))
                .replaceWithVoid();
    }

    /** {@code targets.production} of the project: the deployment production serves and its first domain. */
    @Override
    public Uni<Optional<ProductionDeployment>> production(PlatformCredential credential, PlatformProject project) {
        return calls.idempotent(PlatformStep.MANAGE, () -> api.project(VercelCaller.of(credential), project.id()))
                .map(found -> found.production()
                        .map(target -> new ProductionDeployment(target.id(), target.firstAlias().map(this::siteUrl))));
    }

    @Override
    public Uni<DatabaseInfo> provisionDatabase(PlatformCredential credential, PlatformProject project,
            DatabaseInfo.Kind kind) {
        return databases.provision(credential, project, kind);
    }

    @Override
    public Uni<Boolean> projectExists(PlatformCredential credential, String name) {
        return findProject(credential, name, PlatformStep.CHECK).map(Optional::isPresent);
    }

    private Uni<Optional<PlatformProject>> findProject(PlatformCredential credential, String name, PlatformStep step) {
        return calls.idempotent(step, () -> api.project(VercelCaller.of(credential), name))
                .map(found -> Optional.of(new PlatformProject(found.id(), found.name(), false)))
                .onFailure(e -> e instanceof PlatformException p && p.code() == ErrorCode.NOT_FOUND)
                .recoverWithItem(Optional.empty());
    }

    private PlatformDeployment deployment(VercelWire.Deployment found) {
        PlatformState state = VercelStates.of(found).orElse(PlatformState.PENDING);
        Optional<URI> url = Optional.ofNullable(found.url()).filter(u -> !u.isBlank()).map(this::siteUrl);
        // A READY deployment whose aliases failed carries Vercel's aliasError as its error (VercelAliases).
        Optional<VercelWire.Error> aliasError = state == PlatformState.READY ? VercelAliases.error(found)
                : Optional.empty();
        Optional<String> errorCode = Optional.ofNullable(found.errorCode())
                .or(() -> aliasError.map(VercelWire.Error::code));
        Optional<String> errorMessage = Optional.ofNullable(found.errorMessage())
                .or(() -> aliasError.map(VercelWire.Error::message));
        return new PlatformDeployment(found.id(), Optional.ofNullable(found.projectId()).orElse(""), state,
                found.state(), url, errorCode, errorMessage, Instant.ofEpochMilli(found.createdAt()));
    }

    private URI siteUrl(String host) {
        return URI.create(siteUrlTemplate.replace("{host}", host));
    }

    private static VercelWire.ProjectCreate projectBody(ProjectSpec spec) {
        return new VercelWire.ProjectCreate(spec.name(), spec.framework().orElse(null),
                spec.buildCommand().orElse(null), spec.installCommand().orElse(null),
                spec.outputDirectory().orElse(null), spec.rootDirectory().orElse(null));
    }

    private static PlatformAccount account(VercelWire.User user, List<VercelWire.Team> teams) {
        List<PlatformAccount.Team> list = teams.stream().map(t -> new PlatformAccount.Team(t.id(), t.slug(),
                Optional.ofNullable(t.name()).orElse(t.slug()))).toList();
        return new PlatformAccount(user.id(), user.username(), Optional.ofNullable(user.email()), list);
    }
}
