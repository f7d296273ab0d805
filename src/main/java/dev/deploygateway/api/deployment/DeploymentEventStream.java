package dev.deploygateway.api.deployment;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import dev.deploygateway.api.problem.Problems;
import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.deployment.DeploymentIds;
import dev.deploygateway.deployment.DeploymentRepository;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.events.EventFeeds;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/deployments/{id}/events} as Server-Sent Events, written straight to the Vert.x response
 * on its event loop: no worker thread, no per-viewer stream pipeline. Ownership is checked (404 before any 200)
 * once per feed however many viewers arrive together; then the viewer joins the deployment's feed, which
 * replays from memory and writes shared frames. A request that prefers JSON goes on to the long poll
 * ({@link DeploymentEventsResource}); SSE is the default, also for {@code Accept: *}{@code /*}.
 */
@Singleton
public class DeploymentEventStream {

    private static final Logger LOG = Logger.getLogger(DeploymentEventStream.class);
    static final String PATH = "/api/v1/deployments/:id/events";

    private final EventFeeds feeds;
    private final DeploymentRepository deployments;
    private final CallerTokens tokens;
    private final Buffer retry;

    DeploymentEventStream(EventFeeds feeds, DeploymentRepository deployments, CallerTokens tokens,
            DeploymentConfig config) {
        this.feeds = feeds;
        this.deployments = deployments;
        this.tokens = tokens;
        this.retry = Buffer.buffer("retry:" + config.sseRetry().toMillis() + "\n\n");
    }

    void install(@Observes Router router) {
        // After Quarkus's CORS and authentication filters, before the REST layer's own route.
        router.get(PATH).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        if (!EventStreamNegotiation.wantsEventStream(ctx.request().getHeader(HttpHeaders.ACCEPT))) {
            ctx.next();
            return;
        }
        String cursor;
        try {
            cursor = EventCursor.of(ctx.request().getHeader("Last-Event-ID"), ctx.request().getParam("after"));
        } catch (GatewayException invalid) {
            problem(ctx, invalid);
            return;
        }
        String id = ctx.pathParam("id");
        Context context = Vertx.currentContext();
        Optional<String> token = tokens.token(ctx);
        Optional<String> known = token.flatMap(tokens::subject);
        if (known.isPresent()) {
            authorized(ctx, context, known.get(), id, cursor);
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(ctx, null).emitOn(onLoop(context)).subscribe().with(identity -> {
            Optional<JsonWebToken> caller = caller(identity);
            if (caller.isEmpty()) {
                unauthenticated(ctx);
            } else {
                token.ifPresent(verified -> tokens.remember(verified, caller.get()));
                authorized(ctx, context, caller.get().getSubject(), id, cursor);
            }
        }, failure -> unauthenticated(ctx));
    }

    private void authorized(RoutingContext ctx, Context context, String userId, String id, String cursor) {
        if (!DeploymentIds.isWellFormed(id)) {
            notFound(ctx);
            return;
        }
        feeds.admit(userId, id, () -> deployments.findOwned(userId, id).map(Optional::isPresent),
                (owned, failure) -> context.runOnContext(ignored -> {
                    if (failure != null) {
                        failed(ctx, failure);
                    } else if (owned) {
                        open(ctx, userId, id, cursor);
                    } else {
                        notFound(ctx);
                    }
                }));
    }

    private void open(RoutingContext ctx, String userId, String id, String cursor) {
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended()) {
            return;
        }
        response.setStatusCode(200).setChunked(true)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        // The credentials are not needed again for the life of the stream; a session cookie alone is a good part
        // of what an idle viewer would otherwise keep in memory.
        ctx.request().headers().remove(HttpHeaders.COOKIE).remove(HttpHeaders.AUTHORIZATION);
        ResponseViewer viewer = new ResponseViewer(response, ctx.vertx());
        // The first write sends the headers: the browser sees 200 at once, before any event.
        response.write(retry, null);
        feeds.watch(userId, id, cursor, viewer);
    }

    /** Continues on the request's own event loop (a check may complete on the store's or a worker's thread). */
    private static Executor onLoop(Context context) {
        return task -> context.runOnContext(ignored -> task.run());
    }

    private static Optional<JsonWebToken> caller(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Principal principal = identity.getPrincipal();
        return principal instanceof JsonWebToken token && token.getSubject() != null && !token.getSubject().isBlank()
                ? Optional.of(token)
                : Optional.empty();
    }

    private static void unauthenticated(RoutingContext ctx) {
        problem(ctx, new GatewayException(ErrorCode.UNAUTHENTICATED,
                "A valid session cookie or bearer token is required.", Map.of(),
                Map.of("WWW-Authenticate", "Bearer"), null));
    }

    private static void notFound(RoutingContext ctx) {
        problem(ctx, new GatewayException(ErrorCode.NOT_FOUND, "No deployment with this id."));
    }

    private static void failed(RoutingContext ctx, Throwable failure) {
        if (failure instanceof GatewayException known) {
            if (known.status() >= 500) {
                LOG.warnf("%s on %s: %s", known.code(), ctx.normalizedPath(), known.getMessage());
            }
            problem(ctx, known);
        } else {
            LOG.errorf(failure, "Unhandled failure on %s", ctx.normalizedPath());
            problem(ctx, new GatewayException(ErrorCode.INTERNAL_ERROR, "The server could not complete the request."));
        }
    }

    private static void problem(RoutingContext ctx, GatewayException e) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.closed()) {
            return;
        }
        Object body = Problems.of(e.code(), e.status(), e.getMessage(), ctx.normalizedPath(), e.extensions(),
                e.headers()).getEntity();
        response.setStatusCode(e.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE);
        e.headers().forEach(response::putHeader);
        response.end(Json.encode(body));
    }
}
