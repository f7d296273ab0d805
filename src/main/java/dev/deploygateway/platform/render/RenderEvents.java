package dev.deploygateway.platform.render;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.config.RenderConfig;
import dev.deploygateway.platform.PlatformCallPolicy;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/**
 * Follows one deploy's build log and status. Lines arrive live over Render's log subscription websocket
 * ({@code /v1/logs/subscribe}, one log entry per text frame); whenever the socket is down (dropped, or refused too
 * often), {@code GET /v1/logs} fills in from the last line seen, page by page along {@code nextStartTime} /
 * {@code nextEndTime}; entries are de-duplicated by their id, so the two paths never repeat a line. Render has no
 * per-deploy log filter: a deploy's build log is the service's {@code type=build} entries from the deploy's
 * creation on. The deploy's status is read every {@code status-poll-interval}; at a terminal status the log is drained
 * through REST once more, then the terminal state is emitted and the stream completes.
 */
@ApplicationScoped
class RenderEvents {

    private static final Logger LOG = Logger.getLogger(RenderEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final WebSocketClient client;
    private final RenderApi api;
    private final RenderCalls calls;
    private final RenderConfig config;
    private final RenderLogPages pages;
    private final URI restBase;

    RenderEvents(Vertx vertx, @RestClient RenderApi api, RenderCalls calls, RenderConfig config, RenderLogPages pages,
            @ConfigProperty(name = "quarkus.rest-client.render.url") URI restBase) {
        this.pages = pages;
        this.vertx = vertx;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout(10_000)
                .setMaxMessageSize(1024 * 1024));
        this.api = api;
        this.calls = calls;
        this.config = config;
        this.restBase = restBase;
    }

    Multi<PlatformEvent> follow(PlatformCredential credential, String deploymentId, Optional<Instant> since) {
        RenderRef.Deployment ref = RenderRef.deployment(deploymentId);
        return Multi.createFrom().emitter(emitter -> new Follow(credential, ref, since, emitter).start());
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private final class Follow {
        private final PlatformCredential credential;
        private final RenderRef.Deployment ref;
        private final Optional<Instant> since;
        private final MultiEmitter<? super PlatformEvent> emitter;
        private final Set<String> seen = new HashSet<>();
        /** Frames that arrived while the REST log caught up; emitted after it, so lines stay in order. */
        private final List<RenderWire.Log> pending = new ArrayList<>();
        private boolean catchingUp;
        private String ownerId;
        private Instant windowStart;
        private Instant cursor;
        private Optional<PlatformState> lastState = Optional.empty();
        private WebSocket socket;
        private boolean connecting;
        private boolean finished;
        private boolean polling;
        private int drops;
        private long timer = -1;

        Follow(PlatformCredential credential, RenderRef.Deployment ref, Optional<Instant> since,
                MultiEmitter<? super PlatformEvent> emitter) {
            this.credential = credential;
            this.ref = ref;
            this.since = since;
            this.emitter = emitter;
            emitter.onTermination(() -> {
                synchronized (this) {
                    finished = true;
                    cleanUp();
                }
            });
        }

        void start() {
            calls.idempotent(PlatformStep.WATCH, () -> api.service(credential.bearer(), ref.serviceId()))
                    .chain(service -> deploy().invoke(deploy -> begin(service.ownerId(), deploy)))
                    .subscribe().with(ignored -> {}, this::fail);
        }

        private synchronized void begin(String owner, RenderWire.Deploy deploy) {
            ownerId = owner;
            Instant created = RenderLogTimes.parse(deploy.createdAt()).orElse(Instant.now());
            windowStart = since.filter(s -> s.isAfter(created)).orElse(created);
            cursor = windowStart;
            state(deploy.status());
            connect();
            timer = vertx.setPeriodic(Math.max(10, config.statusPollInterval().toMillis()), id -> tick());
        }

        private Uni<RenderWire.Deploy> deploy() {
            return calls.idempotent(PlatformStep.WATCH, () -> api.deploy(credential.bearer(), ref.serviceId(),
                    ref.deployId()));
        }
        private synchronized void connect() {
            if (finished || socket != null || connecting || drops > config.calls().maxStreamResumes()) {
                return;
            }
            connecting = true;
            String base = config.logsWebsocketUrl().map(Object::toString).orElseGet(() -> restBase.toString()
                    .replaceFirst("^http", "ws").replaceAll("/+$", "") + "/logs/subscribe");
            String url = base + "?ownerId=" + enc(ownerId) + "&resource=" + enc(ref.serviceId()) + "&type=build"
                    + "&startTime=" + enc(cursor.toString());
            var options = new WebSocketConnectOptions().setAbsoluteURI(url).addHeader("Authorization",
                    credential.bearer());
            client.connect(options).onComplete(result -> opened(result.result(), result.cause()));
        }

        private synchronized void opened(WebSocket ws, Throwable failure) {
            connecting = false;
            if (failure != null || finished) {
                if (ws != null) {
                    ws.close();
                }
                if (failure != null) {
                    dropped(failure.toString());
                }
                return;
            }
            socket = ws;
            catchingUp = true;
            ws.textMessageHandler(this::frame);
            ws.exceptionHandler(e -> LOG.debugf("Render log socket of %s failed: %s", ref.encode(), e.toString()));
            ws.closeHandler(v -> closed(ws));
            // The subscription replays nothing: what was written before it opened comes from the REST log first.
            drain().subscribe().with(ignored -> caughtUp(), error -> caughtUp());
        }

        private synchronized void caughtUp() {
            catchingUp = false;
            pending.sort(RenderLogTimes.ORDER);
            pending.forEach(this::accept);
            pending.clear();
        }

        private synchronized void closed(WebSocket ws) {
            if (ws == socket) {
                socket = null;
                dropped("closed");
            }
        }
        private void dropped(String why) {
            drops++;
            LOG.debugf("Render log socket of %s down (%s); the REST log fills in", ref.encode(), why);
            if (!finished && drops <= config.calls().maxStreamResumes()) {
                long delay = PlatformCallPolicy.backoff(config.calls().retryBackoff(), drops).toMillis();
                vertx.setTimer(Math.max(1, delay), id -> connect());
            }
        }

        private synchronized void frame(String text) {
            try {
                RenderWire.Log log = JSON.readValue(text, RenderWire.Log.class);
                if (catchingUp) {
                    pending.add(log);
                } else {
                    accept(log);
                }
            } catch (IOException | RuntimeException malformed) {
                LOG.debugf("Render log socket of %s sent an unreadable frame", ref.encode());
            }
        }

        private synchronized void accept(RenderWire.Log log) {
            Instant at = RenderLogTimes.parse(log.timestamp()).orElse(Instant.now());
            if (finished || at.isBefore(windowStart) || !seen.add(log.id())) {
                return;
            }
            if (at.isAfter(cursor)) {
                cursor = at;
            }
            var stream = "error".equalsIgnoreCase(log.label("level")) ? PlatformEvent.Stream.STDERR
                    : PlatformEvent.Stream.STDOUT;
            emitter.emit(new PlatformEvent.LogLine(log.id(), at, stream, log.message()));
        }

        private synchronized boolean state(String status) {
            Optional<PlatformState> state = RenderStates.map(status);
            if (state.isEmpty() || state.equals(lastState)) {
                return false;
            }
            if (state.get().terminal()) {
                return true;
            }
            lastState = state;
            emitter.emit(new PlatformEvent.StateChange(state.get(), status, Instant.now()));
            return false;
        }

        /** One poll: the status, and the REST log while the socket is down. */
        private void tick() {
            synchronized (this) {
                if (finished || polling) {
                    return;
                }
                polling = true;
            }
            deploy().chain(deploy -> {
                boolean terminal = state(deploy.status());
                boolean socketDown;
                synchronized (this) {
                    socketDown = socket == null;
                }
                if (terminal) {
                    return drain().invoke(() -> end(deploy.status()));
                }
                return socketDown ? drain() : Uni.createFrom().voidItem();
            }).subscribe().with(ignored -> {
                synchronized (this) {
                    polling = false;
                }
            }, this::fail);
        }

        /** Reads the REST log from the cursor, every page. */
        private Uni<Void> drain() {
            Instant from;
            synchronized (this) {
                from = cursor;
            }
            return pages.read(credential, ownerId, ref.serviceId(), from, this::accept);
        }

        private synchronized void end(String status) {
            if (finished) {
                return;
            }
            finished = true;
            cleanUp();
            emitter.emit(new PlatformEvent.StateChange(RenderStates.map(status).orElse(PlatformState.FAILED), status,
                    Instant.now()));
            emitter.complete();
        }

        private synchronized void fail(Throwable failure) {
            if (!finished) {
                finished = true;
                cleanUp();
                emitter.fail(RenderCalls.map(PlatformStep.WATCH, failure));
            }
        }

        private void cleanUp() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            if (socket != null) {
                WebSocket ws = socket;
                socket = null;
                ws.close();
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
