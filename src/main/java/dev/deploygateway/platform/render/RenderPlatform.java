package dev.deploygateway.platform.render;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.deploygateway.config.RenderConfig;
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
import dev.deploygateway.platform.ProjectSpec;
import dev.deploygateway.platform.SourceLimits;
import dev.deploygateway.platform.UploadProgress;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Render behind the platform SPI. Render takes an API key only and builds only from git ({@code GIT_SOURCE}), so the
 * pipeline first pushes the project to the user's GitHub repository (the source room); {@code deploy} then creates
 * the service from that repository and branch (which starts its first build, with every env var and
 * {@code DATABASE_URL} in the creation request) or, for an existing service, deploys the pushed commit. A project is a
 * service ({@link RenderRef}); the workspace is the credential's team. Stateless: every call uses the credential it
 * is given.
 */
@ApplicationScoped
public class RenderPlatform implements DeploymentPlatform {

    static final PlatformCapabilities CAPABILITIES = PlatformCapabilities.of(Capability.API_TOKEN,
            Capability.GIT_SOURCE, Capability.DATABASE, Capability.CANCEL, Capability.REDEPLOY, Capability.ROLLBACK);

    private final PlatformProfile profile;
    private final RenderApi api;
    private final RenderCalls calls;
    private final RenderServices services;
    private final RenderDatabases databases;
    private final RenderEvents events;
    private final RenderConfig config;

    RenderPlatform(@RestClient RenderApi api, RenderCalls calls, RenderServices services, RenderDatabases databases,
            RenderEvents events, RenderConfig config) {
        this.profile = new PlatformProfile(PlatformId.RENDER, CAPABILITIES, RenderNames.NAMING,
                new SourceLimits(config.maxFiles(), config.maxFileBytes(), config.maxTotalBytes()));
        this.api = api;
        this.calls = calls;
        this.services = services;
        this.databases = databases;
        this.events = events;
        this.config = config;
    }

    @Override
    public PlatformProfile profile() {
        return profile;
    }

    @Override
    public Optional<String> serviceOptionsProblem(DeploySpec.ServiceOptions options) {
        return RenderNames.serviceProblem(options);
    }

    /** {@code GET /v1/owners}: the workspaces the key can act in become the connection's teams. */
    @Override
    public Uni<PlatformAccount> verify(PlatformCredential credential) {
        return services.owners(credential, PlatformStep.AUTH).map(owners -> {
            var me = owners.stream().filter(o -> "user".equals(o.type())).findFirst()
                    .or(() -> owners.stream().findFirst()).orElseThrow(() -> PlatformException.of(
                            ErrorCode.PLATFORM_TOKEN_REJECTED, id(), PlatformStep.AUTH, false,
                            "The Render API key sees no workspace"));
            var teams = owners.stream().map(o -> new PlatformAccount.Team(o.id(), o.id(), o.name())).toList();
            return new PlatformAccount(me.id(), Optional.ofNullable(me.email()).orElse(me.name()),
                    Optional.ofNullable(me.email()), teams);
        });
    }

    @Override
    public Uni<Boolean> projectExists(PlatformCredential credential, String name) {
        return services.owner(credential, PlatformStep.CHECK)
                .chain(owner -> services.find(credential, owner, name, PlatformStep.CHECK)).map(Optional::isPresent);
    }

    /**
     * The workspace's service of this name (reused), or a planned one: Render creates a service and starts its first
     * build in one call, which {@link #deploy} makes once the source is pushed.
     */
    @Override
    public Uni<PlatformProject> findOrCreateProject(PlatformCredential credential, ProjectSpec spec) {
        return services.owner(credential, PlatformStep.CREATE)
                .chain(owner -> services.find(credential, owner, spec.name(), PlatformStep.CREATE)
                        .map(found -> found.map(s -> reuse(s, spec.name()))
                                .orElseGet(() -> new PlatformProject(RenderRef.planned(owner), spec.name(), false))));
    }

    /** A reused service must build the repository the project was pushed to: another's is never touched. */
    @Override
    public Uni<PlatformProject> ensureProject(PlatformCredential credential, ProjectSpec spec, DeploySpec deploy) {
        if (deploy.git().isEmpty()) {
            return ensureProject(credential, spec);
        }
        URI repository = deploy.git().get().repository();
        return ensureProject(credential, spec).call(project -> RenderRef.plannedOwner(project.id()).isPresent()
                ? Uni.createFrom().voidItem()
                : services.get(credential, project.id(), PlatformStep.CREATE).invoke(service -> {
                    if (!sameRepository(service.repo(), repository)) {
                        throw taken(service, repository, PlatformStep.CREATE);
                    }
                }));
    }

    private PlatformException taken(RenderWire.Service service, URI repository, PlatformStep step) {
        return PlatformException.of(ErrorCode.PROJECT_NAME_TAKEN, id(), step, false, "The Render service "
                + service.name() + " builds from " + service.repo() + ", not from " + repository
                + "; choose another project name or repository");
    }

    private PlatformProject reuse(RenderWire.Service service, String name) {
        if (service.repo() == null || service.repo().isBlank()) {
            throw PlatformException.of(ErrorCode.PROJECT_NAME_TAKEN, id(), PlatformStep.CREATE, false, "The Render "
                    + "service " + name + " exists and does not build from a repository; choose another name");
        }
        return new PlatformProject(service.id(), name, false);
    }

    /** An existing service gets each variable upserted; a planned one gets them in its creation request. */
    @Override
    public Uni<Void> setEnvironment(PlatformCredential credential, PlatformProject project, List<EnvVar> variables) {
        if (RenderRef.plannedOwner(project.id()).isPresent()) {
            return Uni.createFrom().voidItem();
        }
        return services.setEnv(credential, project.id(), variables);
    }

    @Override
    public Uni<PlatformDeployment> deploy(PlatformCredential credential, PlatformProject project,
            PreparedSource source, DeploySpec spec, UploadProgress progress) {
        DeploySpec.GitSource git = spec.git().orElseThrow(() -> PlatformException.of(ErrorCode.VALIDATION_FAILED,
                id(), PlatformStep.DEPLOY, false, "Render builds from git: push the project to a repository first"));
        Optional<String> plannedOwner = RenderRef.plannedOwner(project.id());
        if (plannedOwner.isEmpty()) {
            return services.get(credential, project.id(), PlatformStep.DEPLOY).chain(service -> {
                if (!sameRepository(service.repo(), git.repository())) {
                    throw taken(service, git.repository(), PlatformStep.DEPLOY);
                }
                return trigger(credential, service, git.commitSha());
            });
        }
        String owner = plannedOwner.get();
        Uni<Optional<String>> databaseUrl = git.database().isEmpty() ? Uni.createFrom().item(Optional.empty())
                : databases.find(credential, owner, RenderDatabases.nameFor(project.name()))
                        .chain(found -> found.filter(p -> "available".equals(p.status()))
                                .map(p -> databases.url(credential, p).map(Optional::of))
                                .orElseGet(() -> Uni.createFrom().failure(PlatformException.of(
                                        ErrorCode.PLATFORM_UNAVAILABLE, id(), PlatformStep.PROVISION, true,
                                        "The service's Postgres is not available yet"))));
        return databaseUrl.chain(url -> {
            var body = RenderServiceBody.of(project.name(), owner, git, source.bundle(), url, config);
            return calls.once(PlatformStep.CREATE, () -> api.createService(credential.bearer(), body));
        }).chain(created -> created.deployId() == null || created.deployId().isBlank()
                ? trigger(credential, created.service(), git.commitSha())
                : Uni.createFrom().item(deployment(created.service(), created.deployId(), "created", Instant.now())));
    }

    private Uni<PlatformDeployment> trigger(PlatformCredential credential, RenderWire.Service service,
            String commit) {
        return calls.once(PlatformStep.DEPLOY, () -> api.createDeploy(credential.bearer(), service.id(),
                new RenderWire.NewDeploy("do_not_clear", commit)))
                .chain(response -> response.getEntity() != null ? Uni.createFrom().item(response.getEntity())
                        // 202 "Queued" has no body: the newest deploy of the service is the one just queued.
                        : calls.idempotent(PlatformStep.DEPLOY, () -> api.deploys(credential.bearer(), service.id(),
                                1)).map(list -> list.get(0).deploy()))
                .map(deploy -> deployment(service, deploy.id(), deploy.status(),
                        RenderLogTimes.parse(deploy.createdAt()).orElse(Instant.now())));
    }

    @Override
    public Uni<PlatformDeployment> status(PlatformCredential credential, String deploymentId) {
        RenderRef.Deployment ref = RenderRef.deployment(deploymentId);
        return services.get(credential, ref.serviceId(), PlatformStep.WATCH)
                .chain(service -> calls.idempotent(PlatformStep.WATCH, () -> api.deploy(credential.bearer(),
                        ref.serviceId(), ref.deployId())).map(deploy -> deployment(service, deploy.id(),
                                deploy.status(), RenderLogTimes.parse(deploy.createdAt()).orElse(Instant.EPOCH))));
    }

    @Override
    public Multi<PlatformEvent> events(PlatformCredential credential, String deploymentId, Optional<Instant> since) {
        return events.follow(credential, deploymentId, since);
    }

    @Override
    public Uni<PlatformDeployment> cancel(PlatformCredential credential, String deploymentId) {
        RenderRef.Deployment ref = RenderRef.deployment(deploymentId);
        return calls.once(PlatformStep.MANAGE, () -> api.cancel(credential.bearer(), ref.serviceId(), ref.deployId()))
                .chain(() -> status(credential, deploymentId));
    }

    /** A new deploy of the commit the earlier one built. */
    @Override
    public Uni<PlatformDeployment> redeploy(PlatformCredential credential, PlatformProject project,
            String deploymentId, DeploySpec spec) {
        RenderRef.Deployment ref = RenderRef.deployment(deploymentId);
        return calls.idempotent(PlatformStep.DEPLOY, () -> api.deploy(credential.bearer(), ref.serviceId(),
                ref.deployId())).chain(previous -> services.get(credential, ref.serviceId(), PlatformStep.DEPLOY)
                        .chain(service -> trigger(credential, service, previous.commit() == null ? null
                                : previous.commit().id())));
    }

    @Override
    public Uni<Void> rollback(PlatformCredential credential, PlatformProject project, String deploymentId) {
        RenderRef.Deployment ref = RenderRef.deployment(deploymentId);
        return calls.once(PlatformStep.MANAGE, () -> api.rollback(credential.bearer(), ref.serviceId(),
                new RenderWire.Rollback(ref.deployId()))).replaceWithVoid();
    }

    /** The service's {@code <name>-db}: an existing service gets {@code DATABASE_URL} now, a planned one later. */
    @Override
    public Uni<DatabaseInfo> provisionDatabase(PlatformCredential credential, PlatformProject project,
            DatabaseInfo.Kind kind) {
        if (kind != DatabaseInfo.Kind.POSTGRES) {
            return Uni.createFrom().failure(PlatformException.of(ErrorCode.UNSUPPORTED_BY_PLATFORM, id(),
                    PlatformStep.PROVISION, false, "The gateway provisions only Postgres on Render"));
        }
        Optional<String> planned = RenderRef.plannedOwner(project.id());
        if (planned.isPresent()) {
            return databases.ensure(credential, planned.get(), project.name(), Optional.empty())
                    .map(RenderDatabases::info);
        }
        return services.get(credential, project.id(), PlatformStep.PROVISION).chain(service -> databases
                .ensure(credential, service.ownerId(), service.name(), Optional.ofNullable(
                        service.serviceDetails().region()))
                .call(p -> databases.url(credential, p).chain(url -> services.setEnv(credential, service.id(),
                        List.of(new EnvVar("DATABASE_URL", url, true)))))
                .map(RenderDatabases::info));
    }

    private PlatformDeployment deployment(RenderWire.Service service, String deployId, String status,
            Instant createdAt) {
        PlatformState state = RenderStates.map(status).orElse(PlatformState.QUEUED);
        Optional<URI> url = Optional.ofNullable(service.serviceDetails().url()).filter(u -> !u.isBlank())
                .map(URI::create);
        Optional<String> error = RenderStates.errorCode(status);
        return new PlatformDeployment(RenderRef.deployment(service.id(), deployId), service.id(), state,
                status == null ? "" : status, url, error, error.map(e -> "The Render " + ("BUILD_FAILED".equals(e)
                        ? "build" : "deploy") + " failed (" + status + "); see the build log"),
                createdAt);
    }

    private static boolean sameRepository(String a, URI b) {
        return a != null && a.replaceAll("(\\.git)?/*$", "").equalsIgnoreCase(b.toString()
                .replaceAll("(\\.git)?/*$", ""));
    }
}
