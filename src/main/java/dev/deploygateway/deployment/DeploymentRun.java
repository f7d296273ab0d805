package dev.deploygateway.deployment;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.Capability;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformDeployment;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.PreparedSource;
import dev.deploygateway.source.SourceHost;
import io.smallrye.mutiny.Uni;

/**
 * One run of one deployment on the instance holding its lease: project, environment (before the build),
 * database, upload and trigger, then watching the platform's log until a terminal state. Every call that creates
 * something on the platform is preceded by a durable, fenced journal write and a check that the lease surely
 * still holds, so a run that lost its deployment never creates a second platform deployment; the platform
 * deployment itself is created at most once (nothing here retries {@code deploy}).
 */
final class DeploymentRun {

    final DeploymentRecord record;
    final DeploymentJournal journal;
    private final DeploymentPlatform platform;
    private final List<EnvVar> env;
    private final RunServices services;
    private final RunState state;
    private final RunEnding ending;
    private final AtomicReference<PlatformStep> step = new AtomicReference<>(PlatformStep.AUTH);
    private final AtomicReference<PlatformCredential> credential = new AtomicReference<>();
    private final AtomicReference<String> platformDeploymentId = new AtomicReference<>();
    private final RunWatch watch;
    private final AtomicReference<DeploySpec> deploySpec;

    DeploymentRun(DeploymentRecord record, DeploymentJournal journal, DeploymentPlatform platform, List<EnvVar> env,
            RunServices services) {
        this.record = record;
        this.journal = journal;
        this.platform = platform;
        this.env = env;
        this.services = services;
        this.state = RunState.of(record, journal);
        this.ending = new RunEnding(state, services);
        this.watch = new RunWatch(state, platform, ending);
        this.deploySpec = new AtomicReference<>(record.settings().deploySpec(record.id()));
        record.platformDeploymentId().ifPresent(platformDeploymentId::set);
    }

    Uni<Void> fromSource(PreparedSource source) {
        return credential()
                .call(() -> pushSource(source))
                .chain(this::project)
                .call(this::environment)
                .call(this::database)
                .call(this::cancelIfRequested)
                .chain(project -> upload(project, source))
                .chain(this::accepted);
    }

    Uni<Void> fromPrevious(String projectId, String previousId) {
        return credential().chain(cred -> {
            step.set(PlatformStep.DEPLOY);
            return journal.progressed(PlatformState.QUEUED, PlatformStep.DEPLOY, "Redeploying " + previousId)
                    .chain(this::beforeCreatingOnPlatform)
                    .chain(() -> platform.redeploy(cred, new PlatformProject(projectId,
                            record.settings().projectName(), false), previousId,
                            record.settings().deploySpec(record.id())));
        }).chain(this::accepted);
    }

    /** Continues after the previous owner stopped: watch again from the platform's log cursor. */
    Uni<Void> resume() {
        Optional<String> known = record.platformDeploymentId();
        if (known.isEmpty()) {
            String message = "The instance running this deployment stopped " + (record.platformCalled()
                    ? "while sending it to the platform" : "before anything reached the platform")
                    + "; redeploy to try again.";
            return ending.failWith(PlatformException.of(ErrorCode.PLATFORM_UNAVAILABLE, platform.id(),
                    PlatformStep.UPLOAD, true, message), PlatformStep.UPLOAD);
        }
        return journal.warning("Monitoring resumed on another gateway instance.")
                .chain(this::credential)
                .chain(() -> watch(known.get()));
    }

    private Uni<PlatformCredential> credential() {
        step.set(PlatformStep.AUTH);
        return StoreRetry.untilAnswered(services.credentials().credentialFor(record.userId(),
                record.settings().platform()))
                .map(cred -> record.settings().teamId().map(cred::inTeam).orElse(cred))
                .invoke(credential::set);
    }

    /**
     * Git-only platforms (Render): the project first goes, as one commit, to the user's repository on the platform's
     * source host under the user's own credential there; the deploy then builds that commit. Pushing creates things
     * (a repository, a commit), so it is preceded by the durable journal write and the lease check too.
     */
    private Uni<Void> pushSource(PreparedSource source) {
        Optional<SourceHost> found = platform.capabilities().has(Capability.GIT_SOURCE)
                ? services.sourceHosts().forPlatform(platform.id()) : Optional.empty();
        if (found.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        SourceHost host = found.get();
        var target = record.settings().repositoryTarget();
        step.set(PlatformStep.PUSH);
        return StoreRetry.untilAnswered(services.credentials().credentialFor(record.userId(), host.id()))
                .onFailure(e -> !(e instanceof PlatformException) && e instanceof GatewayException)
                .transform(e -> PlatformException.of(((GatewayException) e).code(), host.id(), PlatformStep.PUSH,
                        false, e.getMessage()))
                .call(() -> journal.progressed(PlatformState.PENDING, PlatformStep.PUSH, "Pushing "
                        + source.bundle().fileCount() + " file(s) to " + host.id().key() + " repository "
                        + target.owner().map(o -> o + "/").orElse("") + target.name()))
                .call(this::beforeCreatingOnPlatform)
                .chain(hostCredential -> host.push(hostCredential, target, source.bundle(), "Deploy "
                        + record.settings().projectName() + " (" + record.id() + ")",
                        (sent, needed, bytesSent, bytesNeeded) -> journal.progress(PlatformStep.PUSH, sent, needed,
                                bytesSent, bytesNeeded)))
                .chain(pushed -> {
                    deploySpec.set(deploySpec.get().withGit(record.settings().gitSource(pushed, env)));
                    String commit = pushed.commitSha().substring(0, Math.min(7, pushed.commitSha().length()));
                    return journal.progressed(PlatformState.PENDING, PlatformStep.PUSH, pushed.unchanged()
                            ? pushed.repository() + " already holds this project at commit " + commit + "; 0 blobs sent"
                            : "Pushed commit " + commit + " to " + pushed.repository() + "#" + pushed.branch() + " ("
                                    + pushed.blobsSent() + " blob(s) sent, " + pushed.inlineFiles() + " inline)");
                });
    }

    private Uni<PlatformProject> project(PlatformCredential cred) {
        step.set(PlatformStep.CREATE);
        return journal.progressed(PlatformState.PENDING, PlatformStep.CREATE,
                "Preparing project " + record.settings().projectName())
                .chain(this::beforeCreatingOnPlatform)
                .chain(() -> platform.ensureProject(cred, record.settings().projectSpec(), deploySpec.get()))
                .call(project -> journal.change(new RecordChange.ProjectReady(project.id())));
    }

    private Uni<Void> environment(PlatformProject project) {
        if (env.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        step.set(PlatformStep.CONFIGURE);
        return journal.progressed(PlatformState.PENDING, PlatformStep.CONFIGURE,
                "Setting " + env.size() + " environment variable(s)")
                .chain(() -> platform.setEnvironment(credential.get(), project, env));
    }

    private Uni<Void> database(PlatformProject project) {
        return record.settings().database().map(kind -> {
            step.set(PlatformStep.PROVISION);
            return journal.progressed(PlatformState.PENDING, PlatformStep.PROVISION,
                    "Provisioning " + kind.name().toLowerCase())
                    .chain(this::beforeCreatingOnPlatform)
                    .chain(() -> platform.provisionDatabase(credential.get(), project, kind))
                    .chain(db -> journal.progressed(PlatformState.PENDING, PlatformStep.PROVISION, "Database "
                            + db.name() + " ready; wired " + String.join(", ", db.envVarNames())));
        }).orElse(Uni.createFrom().voidItem());
    }

    private Uni<Void> cancelIfRequested(PlatformProject ignored) {
        return StoreRetry.untilAnswered(services.repository().find(record.ref())).chain(current -> {
            if (current.map(DeploymentRecord::cancelRequested).orElse(false)) {
                return ending.finish(PlatformState.CANCELED, Optional.empty())
                        .chain(() -> Uni.createFrom().failure(new CanceledBeforeUpload()));
            }
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<PlatformDeployment> upload(PlatformProject project, PreparedSource source) {
        step.set(PlatformStep.UPLOAD);
        AtomicInteger lastFiles = new AtomicInteger(-1);
        return journal.progressed(PlatformState.UPLOADING, PlatformStep.UPLOAD,
                "Uploading " + source.bundle().fileCount() + " file(s)")
                .chain(this::beforeCreatingOnPlatform)
                .chain(() -> platform.deploy(credential.get(), project, source,
                        deploySpec.get(), (sent, needed, bytesSent, bytesNeeded) -> {
                            // One progress event per file is plenty; platforms may report per chunk.
                            if (lastFiles.getAndSet(sent) != sent || sent == needed) {
                                journal.progress(PlatformStep.UPLOAD, sent, needed, bytesSent, bytesNeeded);
                            }
                        }));
    }

    private Uni<Void> accepted(PlatformDeployment deployment) {
        platformDeploymentId.set(deployment.id());
        deployment.url().ifPresent(u -> state.url().set(Optional.of(u.toString())));
        journal.change(new RecordChange.Accepted(deployment.id(), state.url().get()));
        return journal.progressed(deployment.state().terminal() ? PlatformState.QUEUED : deployment.state(),
                PlatformStep.BUILD, "Accepted by " + platform.id().key() + " as " + deployment.id())
                .chain(() -> StoreRetry.untilAnswered(services.repository().find(record.ref())))
                .chain(current -> current.filter(DeploymentRecord::cancelRequested).isPresent()
                        ? platform.cancel(credential.get(), deployment.id()).replaceWithVoid()
                                .onFailure().recoverWithNull()
                        : Uni.createFrom().voidItem())
                .chain(() -> watch(deployment.id()));
    }

    private Uni<Void> watch(String deploymentId) {
        step.set(PlatformStep.BUILD);
        platformDeploymentId.set(deploymentId);
        return watch.follow(credential.get(), deploymentId);
    }

    /** The deadline passed: ask the platform to stop, then end as TIMED_OUT. */
    Uni<Void> timedOut() {
        if (state.finished().get()) {
            return Uni.createFrom().voidItem();
        }
        String id = platformDeploymentId.get();
        Uni<Void> cancelUpstream = id == null || credential.get() == null ? Uni.createFrom().voidItem()
                : platform.cancel(credential.get(), id).replaceWithVoid().onFailure().recoverWithNull();
        return cancelUpstream.chain(() -> ending.finish(PlatformState.TIMED_OUT, Optional.of(new DeploymentError(
                ErrorCode.TIMED_OUT.name(), DeploymentError.step(step.get()), true, "The deployment did not finish "
                        + "within " + services.config().timeout().toSeconds() + " s."))));
    }

    Uni<Void> failed(Throwable failure) {
        if (failure instanceof CanceledBeforeUpload || failure instanceof OwnershipLostException) {
            return Uni.createFrom().voidItem();
        }
        return ending.failWith(failure, step.get());
    }

    /**
     * Before a call that creates something on the platform: the journal (including "the platform was called")
     * is stored under this run's generation, and the lease surely still holds; otherwise the run stops.
     */
    private Uni<Void> beforeCreatingOnPlatform() {
        if (state.platformCalled().compareAndSet(false, true)) {
            journal.change(new RecordChange.PlatformCalled());
        }
        return journal.durable()
                .chain(() -> StoreRetry.untilAnswered(services.ownership().confirm(record.id())))
                .invoke(held -> {
                    if (!held) {
                        throw new OwnershipLostException(record.id(), "another instance holds the lease now (this one "
                                + "was paused or cut off); not calling the platform");
                    }
                }).replaceWithVoid();
    }
}
