package dev.deploygateway.sandbox.railway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The websocket on {@code /graphql/v2} speaking {@code graphql-transport-ws}: {@code connection_init} →
 * {@code connection_ack}, {@code subscribe} → {@code next}… {@code complete}, {@code ping}/{@code pong}. Auth comes
 * from the upgrade request's {@code Authorization} header or, failing that, {@code connection_init}'s payload.
 * Subscriptions: {@code buildLogs} (the first frame replays the newest {@code limit} lines, later frames carry new
 * ones; completed once the deployment is terminal) and {@code deployment} (the current object, then every status
 * change; completed when terminal). A raw Vert.x route, registered only with demo features on.
 */
@ApplicationScoped
class BackboardSocket {

    static final String PATH = "/sandbox/railway/graphql/v2";
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(BackboardSocket.class);

    private final BackboardGraphql graphql;
    private final BackboardStore store;
    private final BackboardConfig config;

    BackboardSocket(BackboardGraphql graphql, BackboardStore store, BackboardConfig config) {
        this.graphql = graphql;
        this.store = store;
        this.config = config;
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

    /** One websocket connection and its subscriptions. */
    private final class Session {
        private final ServerWebSocket ws;
        private final HttpConnection connection;
        private final Context context;
        private final Map<String, Runnable> subscriptions = new ConcurrentHashMap<>();
        private final AtomicInteger frames = new AtomicInteger();
        private final AtomicBoolean closed = new AtomicBoolean();
        private String auth;
        private final String projectToken;
        private boolean acknowledged;

        Session(ServerWebSocket ws, HttpConnection connection, String headerAuth, String projectToken,
                Context context) {
            this.ws = ws;
            this.projectToken = projectToken;
            this.connection = connection;
            this.auth = headerAuth;
            this.context = context;
        }

        void start() {
            ws.closeHandler(v -> {
                closed.set(true);
                subscriptions.values().forEach(Runnable::run);
            });
            ws.textMessageHandler(this::message);
        }

        private void message(String text) {
            JsonObject message;
            try {
                message = new JsonObject(text);
            } catch (RuntimeException e) {
                ws.close((short) 4400, "Invalid message received");
                return;
            }
            switch (message.getString("type", "")) {
                case "connection_init" -> {
                    JsonObject payload = message.getJsonObject("payload", new JsonObject());
                    if (auth == null) {
                        String fromPayload = payload.getString("Authorization", payload.getString("authorization"));
                        auth = fromPayload;
                    }
                    acknowledged = true;
                    send(new JsonObject().put("type", "connection_ack"));
                }
                case "ping" -> send(new JsonObject().put("type", "pong"));
                case "pong" -> {
                }
                case "subscribe" -> {
                    if (!acknowledged) {
                        ws.close((short) 4401, "Unauthorized");
                        return;
                    }
                    subscribe(message.getString("id"), message.getJsonObject("payload", new JsonObject()));
                }
                case "complete" -> {
                    Runnable stop = subscriptions.remove(message.getString("id", ""));
                    if (stop != null) {
                        stop.run();
                    }
                }
                default -> ws.close((short) 4400, "Invalid message received");
            }
        }

        private void subscribe(String id, JsonObject payload) {
            if (id == null || subscriptions.containsKey(id)) {
                ws.close((short) 4409, "Subscriber for " + id + " already exists");
                return;
            }
            try {
                var caller = graphql.caller(auth, projectToken);
                var variables = payload.getJsonObject("variables", new JsonObject()).getMap();
                var operation = GraphqlDocument.parse(payload.getString("query"), variables);
                if (!"subscription".equals(operation.type()) || operation.fields().size() != 1) {
                    throw BackboardError.invalid("Expected one subscription field");
                }
                var field = operation.fields().get(0);
                String deploymentId = "buildLogs".equals(field.name()) ? field.string("deploymentId")
                        : "deployment".equals(field.name()) ? field.string("id") : null;
                if (deploymentId == null) {
                    throw BackboardError.invalid("Cannot query field \"" + field.name()
                            + "\" on type \"Subscription\".");
                }
                var deployment = store.deployment(deploymentId, caller);
                follow(id, field, deployment);
            } catch (BackboardError e) {
                send(new JsonObject().put("id", id).put("type", "error")
                        .put("payload", new JsonArray().add(new JsonObject(e.toJson(null)))));
            } catch (GraphqlDocument.SyntaxError e) {
                send(new JsonObject().put("id", id).put("type", "error")
                        .put("payload", new JsonArray().add(new JsonObject().put("message", e.getMessage()))));
            }
        }

        private void follow(String id, GraphqlDocument.Field field, BackboardDeployment deployment) {
            boolean logs = "buildLogs".equals(field.name());
            int limit = field.args().get("limit") instanceof Number n ? n.intValue() : 500;
            var follower = new BackboardDeployment.Follower() {
                @Override
                public void lines(List<BackboardDeployment.LogLine> lines) {
                    if (logs) {
                        context.runOnContext(v -> next(id, field, lines, deployment));
                    }
                }

                @Override
                public void status(BackboardDeployment d) {
                    context.runOnContext(v -> {
                        if (!logs) {
                            next(id, field, BackboardJson.deployment(d), deployment);
                        }
                        if (d.terminal()) {
                            complete(id);
                        }
                    });
                }
            };
            subscriptions.put(id, () -> deployment.unfollow(follower));
            List<BackboardDeployment.LogLine> backlog = deployment.follow(follower);
            if (logs) {
                next(id, field, backlog.subList(Math.max(0, backlog.size() - limit), backlog.size()), deployment);
            } else {
                next(id, field, BackboardJson.deployment(deployment), deployment);
            }
            if (deployment.terminal()) {
                complete(id);
            }
        }

        private void next(String id, GraphqlDocument.Field field, Object value, BackboardDeployment deployment) {
            if (closed.get() || !subscriptions.containsKey(id)) {
                return;
            }
            Object shaped = value instanceof List<?> lines
                    ? lines.stream().map(l -> (Object) BackboardJson.log((BackboardDeployment.LogLine) l)).toList()
                    : value;
            var data = new JsonObject().put(field.key(), BackboardJson.select(shaped, field.selection()));
            send(new JsonObject().put("id", id).put("type", "next").put("payload", new JsonObject().put("data", data)));
            if (deployment.scenario.dropSocket() && frames.incrementAndGet() >= config.dropSocketAfterFrames()
                    && !deployment.terminal()) {
                // The "dropped socket" scenario: the connection dies mid-build without a close frame.
                LOG.debugf("Sandbox drops the websocket of deployment %s after %d frames", deployment.id, frames.get());
                closed.set(true);
                subscriptions.values().forEach(Runnable::run);
                connection.close();
            }
        }

        private void complete(String id) {
            Runnable stop = subscriptions.remove(id);
            if (stop != null) {
                stop.run();
                send(new JsonObject().put("id", id).put("type", "complete"));
            }
        }

        private void send(JsonObject message) {
            if (!closed.get()) {
                ws.writeTextMessage(message.encode());
            }
        }
    }
}
