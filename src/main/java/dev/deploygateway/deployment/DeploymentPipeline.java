package dev.deploygateway.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.connection.PlatformCredentials;
import dev.deploygateway.events.EventLog;
import dev.deploygateway.events.SecretRedactor;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.Platforms;
import dev.deploygateway.platform.PreparedSource;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.source.SourceHosts;
import dev.deploygateway.store.ScriptReply;
import dev.deploygateway.store.SharedStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Starts runs of deployments on this instance, each under its lease and generation: a journal fenced by that
 * generation, the deadline ({@code DEPLOYMENT_TIMEOUT_MS}, after which the run is cancelled and the deployment
 * ends TIMED_OUT), and a stop as soon as the store or the lease renewal says another instance owns it now.
 */
@ApplicationScoped
public class DeploymentPipeline {

    private static final Logger LOG = Logger.getLogger(DeploymentPipeline.class);

    private final SharedStore store;
    private final DeploymentRecordCodec codec;
    private final DeploymentSecrets secrets;
    private final EventLog eventLog;
    private final Platforms platforms;
    private final DeploymentOwnership ownership;
    private final DeploymentConfig config;
    private final RunServices services;

    @Inject
    DeploymentPipeline(SharedStore store, DeploymentRepository repository, DeploymentRecordCodec codec,
            DeploymentSecrets secrets, EventLog eventLog, PlatformCredentials credentials, Platforms platforms,
            DeploymentRateLimiter limiter, DeploymentOwnership ownership, DeploymentConfig config,
            SourceHosts sourceHosts) {
        this.store = store;
        this.codec = codec;
        this.secrets = secrets;
        this.eventLog = eventLog;
        this.platforms = platforms;
        this.ownership = ownership;
        this.config = config;
        this.services = new RunServices(credentials, repository, limiter, ownership, config, sourceHosts);
    }

    /** Without source hosts: a pipeline for platforms that take uploads (harnesses that build one by hand). */
    DeploymentPipeline(SharedStore store, DeploymentRepository repository, DeploymentRecordCodec codec,
            DeploymentSecrets secrets, EventLog eventLog, PlatformCredentials credentials, Platforms platforms,
            DeploymentRateLimiter limiter, DeploymentOwnership ownership, DeploymentConfig config) {
        this(store, repository, codec, secrets, eventLog, credentials, platforms, limiter, ownership, config,
                SourceHosts.none());
    }

    /** Runs a new deployment from its source, in the background; its lease (generation 1) was taken then. */
    void start(DeploymentRecord record, PreparedSource source, List<EnvVar> env, long leaseTakenAtNanos) {
        launch(record, 1, leaseTakenAtNanos, env, run -> run.fromSource(source));
    }

    /** Runs a redeploy of an earlier platform deployment, in the background. */
    void startRedeploy(DeploymentRecord record, String platformProjectId, String previousPlatformDeploymentId,
            List<EnvVar> env, long leaseTakenAtNanos) {
        launch(record, 1, leaseTakenAtNanos, env,
                run -> run.fromPrevious(platformProjectId, previousPlatformDeploymentId));
    }

    /** Continues a deployment whose previous owner stopped; this instance claimed it under {@code generation}. */
    void resume(DeploymentRecord record, long generation, long leaseTakenAtNanos) {
        List<EnvVar> env = secrets.open(record.userId(), record.platformKey(), record.id(), record.envCipher());
        launch(record, generation, leaseTakenAtNanos, env, DeploymentRun::resume);
    }

    private void launch(DeploymentRecord record, long generation, long leaseTakenAtNanos, List<EnvVar> env,
            Function<DeploymentRun, Uni<Void>> work) {
        DeploymentRef ref = record.ref();
        AtomicReference<Cancellable> running = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable stop = () -> {
            stopped.set(true);
            Cancellable c = running.get();
            if (c != null) {
                c.cancel();
            }
            ownership.release(ref).subscribe().with(ignored -> {});
        };
        JournalBuffer buffer = new JournalBuffer(record.id(), writer(ref, generation), config.journalCapacity(),
                config.journalBatch(), lost -> stop.run(), () -> eventLog.appended(ref.userId(), ref.id()));
        SecretRedactor redactor = SecretRedactor.of(env.stream().filter(EnvVar::sensitive).map(EnvVar::value)
                .toList());
        DeploymentJournal journal = new DeploymentJournal(buffer, eventLog, codec, redactor,
                config.maxLogLineLength(), record.status());
        DeploymentRun run = new DeploymentRun(record, journal, platforms.get(record.settings().platform()), env,
                services);
        ownership.hold(ref, generation, leaseTakenAtNanos, reason -> stop.run());
        Duration remaining = Duration.between(Instant.now(), record.deadline());
        running.set(Uni.createFrom().deferred(() -> work.apply(run))
                .ifNoItem().after(remaining.isNegative() ? Duration.ZERO : remaining).recoverWithUni(run::timedOut)
                .onFailure().recoverWithUni(run::failed)
                .onTermination().call(() -> ownership.release(ref))
                .subscribe().with(
                        ignored -> LOG.debugf("deployment %s finished", record.id()),
                        failure -> LOG.errorf("deployment %s: pipeline bookkeeping failed: %s", record.id(),
                                failure.toString())));
        if (stopped.get()) {
            // Lost before the subscription was recorded: cancel it now.
            running.get().cancel();
        }
    }

    /** Writes one journal batch under {@code generation}, fenced by the store. */
    private Function<List<JournalEntry>, Uni<ScriptReply>> writer(DeploymentRef ref,
            long generation) {
        List<String> keys = List.of(ref.recordKey(), ref.eventsKey());
        return batch -> store.run(JournalScript.WRITE, keys, JournalScript.args(generation,
                config.maxEventsPerDeployment(), config.retention().toMillis(), DeploymentOwnership.TERMINAL, batch));
    }
}
