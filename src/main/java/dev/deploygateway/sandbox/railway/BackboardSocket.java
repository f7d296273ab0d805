package dev.deploygateway.sandbox.railway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;

import graphql.ExecutionResult;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The websocket on {@code /graphql/v2} speaking {@code graphql-transport-ws} as its specification and the reference
 * {@code graphql-ws} server do: {@code connection_init} within {@code connection-init-timeout} (else close 4408),
 * once (a second one closes 4429), then {@code connection_ack}; {@code subscribe} → {@code next}… {@code complete}
 * (before the ack: 4401; a duplicate id: 4409), {@code error} for an operation the schema or a resolver rejects;
 * {@code ping}/{@code pong}. Credentials are the upgrade request's {@code Authorization} (what Railway documents and
 * its CLI sends) or, failing that, {@code connection_init.payload.Authorization}; they belong to the connection, so
 * credentials that do not resolve to a caller are refused at {@code connection_init} with 4403 Forbidden, the
 * protocol's rejection, instead of being acknowledged and failing every subscription later. Documents are executed
 * by {@link BackboardGraphql} against Railway's schema. A raw Vert.x route, registered only with demo features on.
 */
@ApplicationScoped
class BackboardSocket {

    static final String PATH = "/sandbox/railway/graphql/v2";
    private static final Logger LOG = Logger.getLogger(BackboardSocket.class);

    private final BackboardGraphql graphql;
    private final BackboardConfig config;
    private final Vertx vertx;

    BackboardSocket(BackboardGraphql graphql, BackboardConfig config, Vertx vertx) {
        this.graphql = graphql;
        this.config = config;
        this.vertx = vertx;
    }

    void routes(@Observes Router router) {
        // The gateway's one demo-features decision (an allow-list of profiles), read from config: no gateway import.
        if (!ConfigProvider.getConfig().getValue("gateway.demo-features.enabled", Boolean.class)) {
            // A raw route bypasses JAX-RS filters, so it must not rely on the filter that hides /sandbox.
            return;
        }
        router.get(PATH).handler(this::upgrade);
    }

    private void upgrade(RoutingContext ctx) {
        if (!"websocket".equalsIgnoreCase(ctx.request().getHeader("Upgrade"))) {
            ctx.next();
            return;
        }
        String headerAuth = ctx.request().getHeader("Authorization");
        String projectToken = ctx.request().getHeader("Project-Access-Token");
        HttpConnection connection = ctx.request().connection();
        ctx.request().toWebSocket()
                .onSuccess(ws -> new Session(ws, connection, headerAuth, projectToken, Vertx.currentContext()).start())
                .onFailure(e -> {
                    LOG.debugf("Sandbox websocket upgrade failed: %s", e.toString());
                    connection.close();
                });
    }

    /** One websocket connection and its subscriptions; every method runs on the connection's context. */
    private final class Session {
        private final ServerWebSocket ws;
        private final HttpConnection connection;
        private final Context context;
        private final String headerAuth;
        private final String projectToken;
        private final Map<String, Cancellable> subscriptions = new ConcurrentHashMap<>();
        private final AtomicInteger frames = new AtomicInteger();
        private final AtomicBoolean closed = new AtomicBoolean();
        private BackboardRequest request;
        private boolean initReceived;
        private long initTimer;

        Session(ServerWebSocket ws, HttpConnection connection, String headerAuth, String projectToken,
                Context context) {
            this.ws = ws;
            this.connection = connection;
            this.headerAuth = headerAuth;
            this.projectToken = projectToken;
            this.context = context;
        }

        void start() {
            ws.closeHandler(v -> {
                closed.set(true);
                vertx.cancelTimer(initTimer);
                subscriptions.values().forEach(Cancellable::cancel);
            });
            ws.textMessageHandler(this::message);
            initTimer = vertx.setTimer(config.connectionInitTimeout().toMillis(), id -> context.runOnContext(v -> {
                if (!initReceived) {
                    close(4408, "Connection initialisation timeout");
                }
            }));
        }

        private void message(String text) {
            JsonObject message;
            try {
                message = new JsonObject(text);
            } catch (RuntimeException e) {
                close(4400, "Invalid message received");
                return;
            }
            switch (message.getString("type", "")) {
                case "connection_init" -> init(message.getValue("payload"));
                case "ping" -> send(message.containsKey("payload")
                        ? new JsonObject().put("type", "pong").put("payload", message.getValue("payload"))
                        : new JsonObject().put("type", "pong"));
                case "pong" -> {
                }
                case "subscribe" -> {
                    if (request == null) {
                        close(4401, "Unauthorized");
                        return;
                    }
                    subscribe(message.getString("id"), message.getJsonObject("payload", new JsonObject()));
                }
                case "complete" -> {
                    Cancellable stop = subscriptions.remove(message.getString("id", ""));
                    if (stop != null) {
                        stop.cancel();
                    }
                }
                default -> close(4400, "Invalid message received");
            }
        }

        private void init(Object payload) {
            if (initReceived) {
                close(4429, "Too many initialisation requests");
                return;
            }
            initReceived = true;
            vertx.cancelTimer(initTimer);
            String auth = headerAuth;
            if (auth == null && payload instanceof JsonObject params) {
                auth = params.getString("Authorization", params.getString("authorization"));
            }
            var candidate = graphql.request(auth, projectToken);
            try {
                candidate.caller();
            } catch (BackboardError e) {
                close(4403, "Forbidden");
                return;
            }
            request = candidate;
            send(new JsonObject().put("type", "connection_ack"));
        }

        private void subscribe(String id, JsonObject payload) {
            if (id == null || subscriptions.containsKey(id)) {
                close(4409, "Subscriber for " + id + " already exists");
                return;
            }
            JsonObject variables = payload.getJsonObject("variables", new JsonObject());
            ExecutionResult result = graphql.run(request, payload.getString("query"), variables.getMap(),
                    payload.getString("operationName"));
            if (!result.getErrors().isEmpty()) {
                var errors = new JsonArray();
                result.getErrors().forEach(e -> errors.add(new JsonObject(BackboardGraphql.error(e))));
                send(new JsonObject().put("id", id).put("type", "error").put("payload", errors));
                return;
            }
            if (!(result.getData() instanceof Publisher<?> events)) {
                // A query or mutation over the socket: one result, then complete.
                next(id, result);
                send(new JsonObject().put("id", id).put("type", "complete"));
                return;
            }
            @SuppressWarnings("unchecked")
            var typed = (Publisher<ExecutionResult>) events;
            Cancellable subscription = Multi.createFrom().publisher(FlowAdapters.toFlowPublisher(typed))
                    .emitOn(command -> context.runOnContext(v -> command.run()))
                    .subscribe().with(event -> next(id, event), failure -> {
                        LOG.debugf("Sandbox subscription %s failed: %s", id, failure.toString());
                        subscriptions.remove(id);
                        close(4500, "Internal server error");
                    }, () -> {
                        if (subscriptions.remove(id) != null) {
                            send(new JsonObject().put("id", id).put("type", "complete"));
                        }
                    });
            subscriptions.put(id, subscription);
        }

        private void next(String id, ExecutionResult event) {
            if (closed.get()) {
                return;
            }
            send(new JsonObject().put("id", id).put("type", "next")
                    .put("payload", new JsonObject(BackboardGraphql.envelope(event))));
            boolean dropping = request.followed().stream()
                    .anyMatch(d -> d.scenario.dropSocket() && !d.terminal());
            if (dropping && frames.incrementAndGet() >= config.dropSocketAfterFrames()) {
                // The "dropped socket" scenario: the connection dies mid-build without a close frame.
                LOG.debugf("Sandbox drops a websocket after %d frames", frames.get());
                closed.set(true);
                subscriptions.values().forEach(Cancellable::cancel);
                connection.close();
            }
        }

        private void close(int code, String reason) {
            if (closed.compareAndSet(false, true)) {
                subscriptions.values().forEach(Cancellable::cancel);
                ws.close((short) code, reason);
            }
        }

        private void send(JsonObject message) {
            if (!closed.get()) {
                ws.writeTextMessage(message.encode());
            }
        }
    }
}
