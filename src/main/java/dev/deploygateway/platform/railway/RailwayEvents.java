package dev.deploygateway.platform.railway;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.deploygateway.config.RailwayConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformCallPolicy;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformErrors;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/**
 * Follows a deployment over Railway's websocket ({@code graphql-transport-ws}): a {@code buildLogs} subscription
 * (the first frame replays recent lines) and a {@code deployment} subscription for status. Lines are de-duplicated
 * by timestamp and text, so the replay after a reconnect repeats nothing. A dropped socket is reconnected with
 * back-off; too many reconnects without a new line fail with PLATFORM_UNAVAILABLE. At a terminal status the log is
 * drained once more through the {@code buildLogs} query (lines written after the last frame), then the terminal
 * state is emitted and the stream completes.
 */
@ApplicationScoped
class RailwayEvents {

    private static final Logger LOG = Logger.getLogger(RailwayEvents.class);
    static final String SUBPROTOCOL = "graphql-transport-ws";
    static final int BACKLOG_LIMIT = 500;

    private final Vertx vertx;
    private final WebSocketClient client;
    private final RailwayGraphql graphql;
    private final RailwayConfig config;

    RailwayEvents(Vertx vertx, RailwayGraphql graphql, RailwayConfig config) {
        this.vertx = vertx;
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout(10_000)
                .setMaxMessageSize(8 * 1024 * 1024).setMaxFrameSize(1024 * 1024));
        this.graphql = graphql;
        this.config = config;
    }

    Multi<PlatformEvent> follow(PlatformCredential credential, String deploymentId, Optional<Instant> since) {
        return Multi.createFrom().emitter(emitter -> new Follow(credential, deploymentId, since, emitter).connect());
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private final class Follow {
        private final PlatformCredential credential;
        private final String deploymentId;
        private final Optional<Instant> since;
        private final MultiEmitter<? super PlatformEvent> emitter;
        private final Set<String> seen = new HashSet<>();
        private Optional<PlatformState> lastState = Optional.empty();
        private String lastTimestamp;
        private WebSocket socket;
        private boolean finished;
        private int fruitless;
        private int acceptedSinceConnect;

        Follow(PlatformCredential credential, String deploymentId, Optional<Instant> since,
                MultiEmitter<? super PlatformEvent> emitter) {
            this.credential = credential;
            this.deploymentId = deploymentId;
            this.since = since;
            this.emitter = emitter;
            emitter.onTermination(this::stop);
        }

        synchronized void connect() {
            if (finished) {
                return;
            }
            acceptedSinceConnect = 0;
            String url = config.websocketUrl().map(Object::toString)
                    .orElseGet(() -> config.apiUrl().toString().replaceFirst("^http", "ws"));
            var options = new WebSocketConnectOptions().setAbsoluteURI(url)
                    .addHeader("Authorization", credential.bearer()).addSubProtocol(SUBPROTOCOL);
            client.connect(options).onComplete(result -> opened(result.result(), result.cause()));
        }

        private synchronized void opened(WebSocket ws, Throwable failure) {
            LOG.debugf("Railway log socket of %s opened: %s", deploymentId, failure == null ? "ok" : failure);
            if (failure != null) {
                dropped(null, failure);
                return;
            }
            if (finished) {
                ws.close();
                return;
            }
            socket = ws;
            ws.textMessageHandler(this::message);
            ws.exceptionHandler(e -> LOG.debugf("Railway log socket of %s failed: %s", deploymentId, e.toString()));
            ws.closeHandler(v -> closed(ws));
            send(ws, new JsonObject().put("type", "connection_init").put("payload", new JsonObject()));
        }

        private synchronized void message(String text) {
            if (finished || socket == null) {
                return;
            }
            RailwayWire.SocketFrame message;
            try {
                message = graphql.frame(text);
            } catch (RailwayApiException unreadable) {
                fail(PlatformErrors.map(PlatformId.RAILWAY, PlatformStep.WATCH, unreadable));
                return;
            }
            LOG.tracef("Railway log socket of %s: %s", deploymentId, message.type());
            switch (message.type()) {
                case "connection_ack" -> {
                    send(socket, subscribe("logs", RailwayData.LOG_STREAM.document(), new JsonObject()
                            .put("deploymentId", deploymentId).put("filter", "").put("limit", BACKLOG_LIMIT)));
                    send(socket, subscribe("status", RailwayData.STATUS_STREAM.document(), new JsonObject()
                            .put("id", deploymentId)));
                }
                case "ping" -> send(socket, new JsonObject().put("type", "pong"));
                case "next" -> next(message);
                case "error" -> {
                    String error = message.payload() == null ? ""
                            : message.payload().path(0).path("message").asText("");
                    fail(PlatformErrors.map(PlatformId.RAILWAY, PlatformStep.WATCH,
                            new RailwayApiException(200, "", error, Optional.empty())));
                }
                default -> {
                }
            }
        }

        /** A subscription's data, bound to its record; a frame without what the gateway needs fails the watch. */
        private void next(RailwayWire.SocketFrame message) {
            JsonNode data = message.payload() == null ? MissingNode.getInstance() : message.payload().path("data");
            try {
                if ("logs".equals(message.id())) {
                    lines(graphql.bind(RailwayData.LOG_STREAM, data).buildLogs().stream()
                            .map(l -> new Line(l.timestamp(), Optional.ofNullable(l.message()).orElse(""),
                                    l.severity()))
                            .toList());
                } else {
                    status(graphql.bind(RailwayData.STATUS_STREAM, data).deployment().status());
                }
            } catch (RailwayApiException unreadable) {
                fail(PlatformErrors.map(PlatformId.RAILWAY, PlatformStep.WATCH, unreadable));
            }
        }

        private record Line(String timestamp, String message, String severity) {
        }

        private void lines(List<Line> lines) {
            for (Line line : lines) {
                Instant at;
                try {
                    at = Instant.parse(line.timestamp());
                } catch (DateTimeParseException | NullPointerException e) {
                    at = Instant.now();
                }
                if (since.isPresent() && at.isBefore(since.get())) {
                    continue;
                }
                if (seen.add(line.timestamp() + '\u0000' + line.message())) {
                    acceptedSinceConnect++;
                    lastTimestamp = line.timestamp();
                    var stream = "error".equalsIgnoreCase(line.severity()) ? PlatformEvent.Stream.STDERR
                            : PlatformEvent.Stream.STDOUT;
                    emitter.emit(new PlatformEvent.LogLine(line.timestamp(), at, stream, line.message()));
                }
            }
        }

        private void status(String raw) {
            Optional<PlatformState> state = RailwayStates.map(raw);
            if (state.isEmpty() || state.equals(lastState)) {
                return;
            }
            if (state.get().terminal()) {
                finish(raw, state.get());
                return;
            }
            lastState = state;
            emitter.emit(new PlatformEvent.StateChange(state.get(), raw, Instant.now()));
        }

        /** Terminal: read what the socket may not have delivered yet, then the final state, then complete. */
        private void finish(String raw, PlatformState state) {
            finished = true;
            closeSocket();
            var vars = graphql.variables().put("deploymentId", deploymentId).put("limit", 5000);
            if (lastTimestamp != null) {
                vars.put("startDate", lastTimestamp);
            }
            graphql.query(credential, PlatformStep.WATCH, RailwayData.BUILD_LOGS, vars).subscribe().with(data -> {
                synchronized (this) {
                    var rest = new ArrayList<Line>();
                    for (RailwayData.BuildLog l : data.buildLogs()) {
                        rest.add(new Line(l.timestamp(), Optional.ofNullable(l.message()).orElse(""), l.severity()));
                    }
                    lines(rest);
                    end(raw, state);
                }
            }, failure -> {
                LOG.debugf("Draining the build log of %s failed: %s", deploymentId, failure.toString());
                synchronized (this) {
                    end(raw, state);
                }
            });
        }

        private void end(String raw, PlatformState state) {
            emitter.emit(new PlatformEvent.StateChange(state, raw, Instant.now()));
            emitter.complete();
        }

        /**
         * The socket closed. 4401/4403 is graphql-transport-ws refusing the credential (Railway's sandbox, and the
         * protocol, do so at {@code connection_init}): the token is no good, so reconnecting would only repeat it.
         */
        private synchronized void closed(WebSocket ws) {
            Short code = ws.closeStatusCode();
            if (!finished && ws == socket && code != null && (code == 4401 || code == 4403)) {
                socket = null;
                fail(PlatformException.of(ErrorCode.RECONNECT_REQUIRED, PlatformId.RAILWAY, PlatformStep.WATCH,
                        false, "Railway refused the credential for the build-log stream; reconnect Railway"));
                return;
            }
            dropped(ws, null);
        }

        private synchronized void dropped(WebSocket which, Throwable cause) {
            if (finished || which != socket) {
                return; // closed by us, or an older socket's late close
            }
            socket = null;
            fruitless = acceptedSinceConnect > 0 ? 0 : fruitless + 1;
            if (fruitless > config.calls().maxStreamResumes()) {
                fail(PlatformException.of(ErrorCode.PLATFORM_UNAVAILABLE, PlatformId.RAILWAY, PlatformStep.WATCH,
                        true, "Railway's build-log stream keeps dropping"));
                return;
            }
            LOG.debugf("Railway log socket of %s dropped (%s); reconnecting", deploymentId,
                    cause == null ? "closed" : cause.toString());
            emitter.emit(new PlatformEvent.Notice("The build-log connection to Railway dropped; resuming",
                    Instant.now()));
            long delay = PlatformCallPolicy.backoff(config.calls().retryBackoff(), Math.max(1, fruitless)).toMillis();
            vertx.setTimer(Math.max(1, delay), id -> connect());
        }

        private void fail(PlatformException failure) {
            finished = true;
            closeSocket();
            emitter.fail(failure);
        }

        private synchronized void stop() {
            finished = true;
            closeSocket();
        }

        private void closeSocket() {
            if (socket != null) {
                WebSocket ws = socket;
                socket = null;
                ws.close();
            }
        }

        private JsonObject subscribe(String id, String document, JsonObject variables) {
            return new JsonObject().put("id", id).put("type", "subscribe").put("payload",
                    new JsonObject().put("query", graphql.document(document)).put("variables", variables));
        }

        private void send(WebSocket ws, JsonObject message) {
            ws.writeTextMessage(message.encode());
        }
    }
}
