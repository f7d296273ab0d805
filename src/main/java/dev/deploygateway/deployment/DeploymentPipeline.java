package dev.deploygateway.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.connection.PlatformCredentials;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.events.EventLog;
import dev.deploygateway.events.SecretRedactor;
import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformDeployment;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.Platforms;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.scaffold.SourceBundle;
import io.smallrye.mutiny.Uni;

/**
 * Walks one deployment through the platform: project, environment (before the build), database, upload and
 * trigger, then watch until a terminal state or {@code DEPLOYMENT_TIMEOUT_MS}. Runs on the instance holding the
 * deployment's lease. The platform deployment is created at most once: nothing here retries {@code deploy}, and
 * a takeover without a platform deployment id fails the deployment (retryable) instead of uploading again.
 */
@ApplicationScoped
public class DeploymentPipeline {

    private static final Logger LOG = Logger.getLogger(DeploymentPipeline.class);

    private final DeploymentRepository repository;
    private final DeploymentRecordCodec codec;
    private final DeploymentSecrets secrets;
    private final EventLog eventLog;
    private final PlatformCredentials credentials;
    private final Platforms platforms;
    private final DeploymentRateLimiter limiter;
    private final DeploymentLeases leases;
    private final DeploymentConfig config;

    DeploymentPipeline(DeploymentRepository repository, DeploymentRecordCodec codec, DeploymentSecrets secrets,
            EventLog eventLog, PlatformCredentials credentials, Platforms platforms,
            DeploymentRateLimiter limiter, DeploymentLeases leases, DeploymentConfig config) {
        this.repository = repository;
        this.codec = codec;
        this.secrets = secrets;
        this.eventLog = eventLog;
        this.credentials = credentials;
        this.platforms = platforms;
        this.limiter = limiter;
        this.leases = leases;
        this.config = config;
    }

    /** Runs a new deployment from its source, in the background. The caller holds the lease. */
    void start(DeploymentRecord record, SourceBundle bundle, List<EnvVar> env) {
        Run run = new Run(record, env);
        launch(run, run.fromSource(bundle));
    }

    /** Runs a redeploy of an earlier platform deployment, in the background. The caller holds the lease. */
    void startRedeploy(DeploymentRecord record, String platformProjectId, String previousPlatformDeploymentId,
            List<EnvVar> env) {
        Run run = new Run(record, env);
        launch(run, run.fromPrevious(platformProjectId, previousPlatformDeploymentId));
    }

    /** Continues a deployment whose previous owner stopped. The caller holds the lease. */
    void resume(DeploymentRecord record) {
        List<EnvVar> env = secrets.open(record.userId(), record.platformKey(), record.id(), record.envCipher());
        Run run = new Run(record, env);
        launch(run, run.resume());
    }

    private void launch(Run run, Uni<Void> work) {
        Duration remaining = Duration.between(Instant.now(), run.record.deadline());
        Uni<Void> timeout = Uni.createFrom().voidItem().onItem().delayIt()
                .by(remaining.isNegative() ? Duration.ZERO : remaining)
                .chain(run::timedOut);
        Uni.combine().any().of(work.onFailure().recoverWithUni(run::failed), timeout)
                .onTermination().call(() -> leases.release(run.record.id()))
                .subscribe().with(
                        ignored -> LOG.debugf("deployment %s finished", run.record.id()),
                        failure -> LOG.errorf("deployment %s: pipeline bookkeeping failed: %s", run.record.id(),
                                failure.toString()));
    }

    /** One run of the pipeline for one deployment. */
    private final class Run {
        final DeploymentRecord record;
        final DeploymentPlatform platform;
        final DeploymentJournal journal;
        final AtomicBoolean platformCalled = new AtomicBoolean();
        final AtomicBoolean finished = new AtomicBoolean();
        final AtomicReference<PlatformStep> step = new AtomicReference<>(PlatformStep.AUTH);
        final AtomicReference<PlatformCredential> credential = new AtomicReference<>();
        final AtomicReference<String> platformDeploymentId = new AtomicReference<>();
        final AtomicReference<Optional<String>> url = new AtomicReference<>(Optional.empty());

        Run(DeploymentRecord record, List<EnvVar> env) {
            this.record = record;
            this.platform = platforms.get(record.settings().platform());
            SecretRedactor redactor = SecretRedactor.of(env.stream().filter(EnvVar::sensitive)
                    .map(EnvVar::value).toList());
            this.journal = new DeploymentJournal(record.id(), record.status(), eventLog, repository, redactor,
                    config.maxLogLineLength());
            record.platformDeploymentId().ifPresent(platformDeploymentId::set);
            record.url().ifPresent(u -> url.set(Optional.of(u)));
            this.env = env;
        }

        final List<EnvVar> env;

        Uni<Void> fromSource(SourceBundle bundle) {
            return credential()
                    .chain(this::project)
                    .call(project -> environment(project))
                    .call(project -> database(project))
                    .call(ignored -> cancelIfRequested())
                    .chain(project -> upload(project, bundle))
                    .chain(this::accepted);
        }

        Uni<Void> fromPrevious(String projectId, String previousId) {
            return credential()
                    .chain(cred -> {
                        step.set(PlatformStep.DEPLOY);
                        journal.status(PlatformState.QUEUED, "deploy", "Redeploying " + previousId);
                        platformCalled.set(true);
                        return platform.redeploy(cred, new PlatformProject(projectId, record.settings()
                                .projectName(), false), previousId, record.settings().deploySpec(record.id()));
                    })
                    .chain(this::accepted);
        }

        Uni<Void> resume() {
            Optional<String> known = record.platformDeploymentId();
            if (known.isEmpty()) {
                return failWith(PlatformException.of(ErrorCode.PLATFORM_UNAVAILABLE, platform.id(),
                        PlatformStep.UPLOAD, true, "The instance running this deployment stopped before the platform "
                                + "accepted it; redeploy to try again."));
            }
            platformCalled.set(true);
            journal.warning("Monitoring resumed on another gateway instance.");
            return credential().chain(cred -> watchFrom(known.get(), record.lastPlatformEventAt(),
                    record.lastPlatformEventId()));
        }

        Uni<PlatformCredential> credential() {
            step.set(PlatformStep.AUTH);
            return credentials.credentialFor(record.userId(), record.settings().platform())
                    .map(cred -> record.settings().teamId().map(cred::inTeam).orElse(cred))
                    .invoke(credential::set);
        }

        Uni<PlatformProject> project(PlatformCredential cred) {
            step.set(PlatformStep.CREATE);
            journal.status(PlatformState.PENDING, "project", "Preparing project " + record.settings().projectName());
            platformCalled.set(true);
            return platform.ensureProject(cred, record.settings().projectSpec())
                    .invoke(project -> journal.record(Map.of("platformProjectId", project.id())));
        }

        Uni<Void> environment(PlatformProject project) {
            if (env.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            step.set(PlatformStep.CONFIGURE);
            journal.status(PlatformState.PENDING, "env", "Setting " + env.size() + " environment variable(s)");
            return platform.setEnvironment(credential.get(), project, env);
        }

        Uni<Void> database(PlatformProject project) {
            return record.settings().database().map(kind -> {
                step.set(PlatformStep.CONFIGURE);
                journal.status(PlatformState.PENDING, "database", "Provisioning " + kind.name().toLowerCase());
                return platform.provisionDatabase(credential.get(), project, kind)
                        .invoke(db -> journal.status(PlatformState.PENDING, "database", "Database " + db.name()
                                + " ready; wired " + String.join(", ", db.envVarNames())))
                        .replaceWithVoid();
            }).orElse(Uni.createFrom().voidItem());
        }

        Uni<Void> cancelIfRequested() {
            return repository.find(record.id()).chain(current -> {
                if (current.map(DeploymentRecord::cancelRequested).orElse(false)) {
                    return finish(PlatformState.CANCELED, Optional.empty()).chain(() -> Uni.createFrom()
                            .failure(new CanceledBeforeUpload()));
                }
                return Uni.createFrom().voidItem();
            });
        }

        Uni<PlatformDeployment> upload(PlatformProject project, SourceBundle bundle) {
            step.set(PlatformStep.UPLOAD);
            journal.status(PlatformState.UPLOADING, "upload", "Uploading " + bundle.fileCount() + " file(s)");
            var prepared = platform.prepareSource(bundle);
            AtomicInteger lastFiles = new AtomicInteger(-1);
            return platform.deploy(credential.get(), project, prepared, record.settings().deploySpec(record.id()),
                    (filesSent, filesNeeded, bytesSent, bytesNeeded) -> {
                        // One progress event per file is plenty; platforms may report per chunk.
                        if (lastFiles.getAndSet(filesSent) != filesSent || filesSent == filesNeeded) {
                            journal.progress(filesSent, filesNeeded, bytesSent, bytesNeeded);
                        }
                    });
        }

        Uni<Void> accepted(PlatformDeployment deployment) {
            return Uni.createFrom().deferred(() -> {
                platformDeploymentId.set(deployment.id());
                deployment.url().ifPresent(u -> url.set(Optional.of(u.toString())));
                journal.record(Map.of("platformDeploymentId", deployment.id()));
                deployment.url().ifPresent(u -> journal.record(Map.of("url", u.toString())));
                journal.status(deployment.state().terminal() ? PlatformState.QUEUED : deployment.state(), "build",
                        "Accepted by " + platform.id().key() + " as " + deployment.id());
                return repository.find(record.id()).chain(current -> current.filter(
                        DeploymentRecord::cancelRequested).isPresent()
                                ? platform.cancel(credential.get(), deployment.id()).replaceWithVoid()
                                        .onFailure().recoverWithNull()
                                : Uni.createFrom().voidItem());
            }).chain(() -> watchFrom(deployment.id(), Optional.empty(), Optional.empty()));
        }

        Uni<Void> watchFrom(String deploymentId, Optional<Instant> since, Optional<String> lastSeenId) {
            step.set(PlatformStep.BUILD);
            platformDeploymentId.set(deploymentId);
            return platform.events(credential.get(), deploymentId, since)
                    .onItem().transformToUniAndConcatenate(event -> {
                        if (event instanceof PlatformEvent.LogLine line) {
                            if (alreadyWritten(line, since, lastSeenId)) {
                                return Uni.createFrom().voidItem();
                            }
                            journal.log(line);
                            if (line.platformEventId() != null) {
                                // Checkpoint after every line: a new owner resumes right after it (a crash between
                                // the append and this write repeats at most that one line).
                                journal.record(Map.of("lastPlatformEventAt", line.at().toString(),
                                        "lastPlatformEventId", line.platformEventId()));
                            }
                            return Uni.createFrom().voidItem();
                        }
                        if (event instanceof PlatformEvent.StateChange change) {
                            return onState(change.state());
                        }
                        if (event instanceof PlatformEvent.Notice notice) {
                            journal.warning(notice.text());
                        }
                        return Uni.createFrom().voidItem();
                    })
                    .collect().last()
                    .chain(() -> finished.get() ? Uni.createFrom().voidItem() : settleByStatus(deploymentId));
        }

        /** Whether a resumed stream repeats a line the previous owner already wrote. */
        boolean alreadyWritten(PlatformEvent.LogLine line, Optional<Instant> since, Optional<String> lastSeenId) {
            if (since.isEmpty()) {
                return false;
            }
            return line.at().isBefore(since.get())
                    || (line.platformEventId() != null && lastSeenId.filter(line.platformEventId()::equals).isPresent());
        }

        Uni<Void> onState(PlatformState state) {
            if (state.terminal()) {
                return settleByStatus(platformDeploymentId.get());
            }
            journal.status(state, stepOf(state), null);
            return Uni.createFrom().voidItem();
        }

        /** Reads the platform's final word (URL, error) and ends the deployment with it. */
        Uni<Void> settleByStatus(String deploymentId) {
            return platform.status(credential.get(), deploymentId).chain(status -> {
                if (!status.state().terminal()) {
                    // The feed ended early; keep watching by polling the status.
                    return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofSeconds(1))
                            .chain(() -> settleByStatus(deploymentId));
                }
                status.url().ifPresent(u -> url.set(Optional.of(u.toString())));
                if (status.state() == PlatformState.FAILED) {
                    String message = status.errorMessage().orElse("The build failed on " + platform.id().key() + ".");
                    return finish(PlatformState.FAILED, Optional.of(new DeploymentError(
                            status.errorCode().filter(c -> c.equals(ErrorCode.BUILD_FAILED.name()))
                                    .orElse(ErrorCode.BUILD_FAILED.name()), "build", false, message)));
                }
                return finish(status.state(), Optional.empty());
            });
        }

        Uni<Void> timedOut() {
            if (finished.get()) {
                return Uni.createFrom().voidItem();
            }
            String id = platformDeploymentId.get();
            Uni<Void> cancelUpstream = id == null || credential.get() == null
                    ? Uni.createFrom().voidItem()
                    : platform.cancel(credential.get(), id).replaceWithVoid().onFailure().recoverWithNull();
            return cancelUpstream.chain(() -> finish(PlatformState.TIMED_OUT, Optional.of(new DeploymentError(
                    ErrorCode.TIMED_OUT.name(), DeploymentError.step(step.get()), true,
                    "The deployment did not finish within " + config.timeout().toSeconds() + " s."))));
        }

        Uni<Void> failed(Throwable failure) {
            if (failure instanceof CanceledBeforeUpload) {
                return Uni.createFrom().voidItem();
            }
            return failWith(failure);
        }

        Uni<Void> failWith(Throwable failure) {
            DeploymentError error = DeploymentError.from(failure, step.get());
            if (!(failure instanceof PlatformException) && !(failure instanceof dev.deploygateway.error.GatewayException)) {
                LOG.errorf(failure, "deployment %s failed unexpectedly in step %s", record.id(), step.get());
            }
            Uni<Void> reconnect = error.code().equals(ErrorCode.RECONNECT_REQUIRED.name())
                    ? credentials.markReconnectRequired(record.userId(), record.settings().platform())
                            .onFailure().recoverWithNull()
                    : Uni.createFrom().voidItem();
            // Nothing reached the platform: the attempt does not count against the user's quota.
            Uni<Void> refund = platformCalled.get() ? Uni.createFrom().voidItem()
                    : limiter.refund(record.userId(), record.id()).replaceWithVoid().onFailure().recoverWithNull();
            return reconnect.chain(() -> refund).chain(() -> finish(PlatformState.FAILED, Optional.of(error)));
        }

        Uni<Void> finish(PlatformState terminal, Optional<DeploymentError> error) {
            if (!finished.compareAndSet(false, true)) {
                return Uni.createFrom().voidItem();
            }
            Optional<String> finalUrl = terminal == PlatformState.READY ? url.get() : Optional.empty();
            return journal.finish(terminal, finalUrl, error, codec)
                    .chain(() -> repository.deactivate(record.id()))
                    .chain(() -> eventLog.retain(record.id(), config.retention()));
        }

        private String stepOf(PlatformState state) {
            return switch (state) {
                case UPLOADING -> "upload";
                case DEPLOYING -> "deploy";
                default -> "build";
            };
        }
    }

    /** Internal signal: the user canceled before anything was uploaded; the run already ended. */
    private static final class CanceledBeforeUpload extends RuntimeException {
        CanceledBeforeUpload() {
            super("canceled before upload", null, false, false);
        }
    }
}
