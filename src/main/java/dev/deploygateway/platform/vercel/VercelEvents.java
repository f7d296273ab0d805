package dev.deploygateway.platform.vercel;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import dev.deploygateway.config.VercelConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Follows a deployment's build events ({@code follow=1}). When the stream ends or drops, the deployment's status
 * decides: finished → emit the terminal state (if the stream did not carry it) and complete; still running →
 * reconnect with {@code since} after a short back-off. Too many resumes without a new line in between fail
 * with PLATFORM_UNAVAILABLE.
 */
@ApplicationScoped
class VercelEvents {

    private static final Logger LOG = Logger.getLogger(VercelEvents.class);

    private final VercelApi api;
    private final VercelCalls calls;
    private final VercelConfig config;

    VercelEvents(@RestClient VercelApi api, VercelCalls calls, VercelConfig config) {
        this.api = api;
        this.calls = calls;
        this.config = config;
    }

    Multi<PlatformEvent> follow(PlatformCredential credential, String deploymentId, Optional<Instant> since) {
        return Multi.createFrom().deferred(() -> {
            var cursor = new VercelEventCursor(since.map(Instant::toEpochMilli).orElse(0L));
            return connect(credential, deploymentId, cursor, 0);
        });
    }

    private Multi<PlatformEvent> connect(PlatformCredential credential, String deploymentId, VercelEventCursor cursor,
            int fruitless) {
        long acceptedBefore = cursor.accepted();
        Multi<PlatformEvent> live = api
                .followEvents(VercelCaller.of(credential), deploymentId, 1, cursor.since() > 0 ? cursor.since() : null)
                .onItem().transformToIterable(cursor::decode)
                .onItem().transformToMultiAndConcatenate(event -> event instanceof PlatformEvent.StateChange change
                        && change.state() == PlatformState.READY ? confirmReady(credential, deploymentId, cursor)
                                : Multi.createFrom().item(event))
                .onFailure(VercelEvents::fatal).transform(f -> VercelErrors.map(PlatformStep.WATCH, f))
                .onFailure(f -> !(f instanceof PlatformException)).recoverWithCompletion();
        Multi<PlatformEvent> after = Multi.createFrom().deferred(() -> Multi.createFrom()
                .uni(calls.idempotent(PlatformStep.WATCH,
                        () -> api.deployment(VercelCaller.of(credential), deploymentId)))
                .onItem().transformToMultiAndConcatenate(deployment -> {
                    String raw = deployment.state();
                    Optional<PlatformState> state = VercelStates.of(deployment);
                    if (state.isPresent() && state.get().terminal() && !cursor.lastState().equals(state)
                            && cursor.drainOnce()) {
                        // Finished while we were disconnected: read the rest of the log once before ending.
                        return connect(credential, deploymentId, cursor, fruitless);
                    }
                    if (state.isPresent() && state.get().terminal()) {
                        if (cursor.lastState().equals(state)) {
                            return Multi.createFrom().empty();
                        }
                        return terminal(deployment, state.get(), raw, cursor);
                    }
                    int next = cursor.accepted() > acceptedBefore ? 0 : fruitless + 1;
                    if (next > config.calls().maxStreamResumes()) {
                        return Multi.createFrom().failure(PlatformException.of(ErrorCode.PLATFORM_UNAVAILABLE,
                                PlatformId.VERCEL, PlatformStep.WATCH, true,
                                "Vercel's build-log stream keeps dropping"));
                    }
                    LOG.debugf("Vercel event stream of %s ended while %s; resuming from %d", deploymentId, raw,
                            cursor.since());
                    Duration backoff = config.calls().retryBackoff().multipliedBy(next);
                    Multi<PlatformEvent> resumed = connect(credential, deploymentId, cursor, next);
                    return backoff.isZero() ? resumed
                            : Multi.createFrom().uni(Uni.createFrom().voidItem().onItem().delayIt().by(backoff))
                                    .onItem().transformToMultiAndConcatenate(v -> resumed);
                }));
        return Multi.createBy().concatenating().streams(live, after);
    }

    /**
     * A {@code deployment-state} line said READY: the deployment object decides (aliases still being assigned is
     * DEPLOYING; failed aliases add a warning), because the line carries neither {@code aliasAssigned} nor
     * {@code aliasError}.
     */
    private Multi<PlatformEvent> confirmReady(PlatformCredential credential, String deploymentId,
            VercelEventCursor cursor) {
        return Multi.createFrom().uni(calls.idempotent(PlatformStep.WATCH,
                () -> api.deployment(VercelCaller.of(credential), deploymentId)))
                .onItem().transformToMultiAndConcatenate(deployment -> {
                    String raw = deployment.state();
                    PlatformState state = VercelStates.of(deployment).orElse(PlatformState.DEPLOYING);
                    if (state.terminal()) {
                        return terminal(deployment, state, raw, cursor);
                    }
                    cursor.stateSeen(state);
                    return Multi.createFrom().item(new PlatformEvent.StateChange(state, raw, Instant.now()));
                });
    }

    /** The terminal state, preceded by a warning when a READY deployment's aliases failed. */
    private static Multi<PlatformEvent> terminal(VercelWire.Deployment deployment, PlatformState state, String raw,
            VercelEventCursor cursor) {
        cursor.stateSeen(state);
        var change = new PlatformEvent.StateChange(state, raw, Instant.now());
        Optional<PlatformEvent.Notice> warning = state == PlatformState.READY ? VercelAliases.warning(deployment)
                : Optional.empty();
        return warning.isPresent() ? Multi.createFrom().items(warning.get(), change) : Multi.createFrom().item(change);
    }

    /** 4xx other than 429 will not heal by reconnecting. */
    private static boolean fatal(Throwable failure) {
        int status = failure instanceof VercelApiException api ? api.status()
                : failure instanceof WebApplicationException web ? web.getResponse().getStatus() : 0;
        return status >= 400 && status < 500 && status != 429;
    }
}
