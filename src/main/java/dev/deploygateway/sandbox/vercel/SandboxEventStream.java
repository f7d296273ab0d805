package dev.deploygateway.sandbox.vercel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v3/deployments/{id}/events} (and {@code /v3/now/…}): a JSON array (one event per line with
 * {@code format=lines}), or with {@code follow=1} a live
 * {@code application/stream+json} stream (one event per line, keep-alive lines {@code {}}, closed at a terminal
 * state). A raw Vert.x route rather than a JAX-RS resource because one URL answers either a JSON array or a
 * chunked stream, and the "cut stream" scenario must drop the TCP connection mid-response.
 */
@ApplicationScoped
class SandboxEventStream {

    private final SandboxCaller callers;
    private final SandboxDeployments deployments;
    private final SandboxTraffic traffic;
    private final SandboxVercelConfig config;
    private final ObjectMapper json;
    private final Vertx vertx;

    SandboxEventStream(SandboxCaller callers, SandboxDeployments deployments, SandboxTraffic traffic,
            SandboxVercelConfig config, ObjectMapper json, Vertx vertx) {
        this.callers = callers;
        this.deployments = deployments;
        this.traffic = traffic;
        this.config = config;
        this.json = json;
        this.vertx = vertx;
    }

    void routes(@Observes Router router) {
        // The gateway's one demo-features decision (an allow-list of profiles), read from config: no gateway import.
        if (!ConfigProvider.getConfig().getValue("gateway.demo-features.enabled", Boolean.class)) {
            // A raw route bypasses JAX-RS filters, so it must not rely on the filter that hides /sandbox.
            return;
        }
        router.get("/sandbox/vercel/v3/deployments/:id/events").handler(this::handle);
        router.get("/sandbox/vercel/v3/now/deployments/:id/events").handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        var request = ctx.request();
        var response = ctx.response();
        String auth = request.getHeader("Authorization");
        var window = traffic.count(auth);
        window.headers().forEach(response::putHeader);
        var rejection = traffic.admit(request.path(), window);
        if (rejection.isPresent()) {
            rejection.get().headers().forEach(response::putHeader);
            send(ctx, rejection.get().status(), rejection.get().body());
            return;
        }
        SandboxDeployment deployment;
        try {
            var caller = callers.resolve(auth, request.getParam("teamId"));
            deployment = deployments.get(caller.ownerId(), ctx.pathParam("id"));
        } catch (WebApplicationException e) {
            send(ctx, e.getResponse().getStatus(), e.getResponse().getEntity());
            return;
        }
        long since = number(request.getParam("since"), 0);
        if ("1".equals(request.getParam("follow"))) {
            follow(ctx, deployment, since);
            return;
        }
        long until = number(request.getParam("until"), Long.MAX_VALUE);
        long limit = number(request.getParam("limit"), -1);
        List<Object> events = new ArrayList<>();
        var selected = new ArrayList<>(deployment.events().stream()
                .filter(e -> e.created() >= since && e.created() <= until).toList());
        if ("backward".equals(request.getParam("direction"))) {
            Collections.reverse(selected);
        }
        selected.stream().limit(limit < 0 ? Long.MAX_VALUE : limit)
                .forEach(e -> events.add(e.toJson(deployment.id, deployment.buildId)));
        if ("lines".equals(request.getParam("format"))) {
            // What the CLI asks for and parses as JSON lines: one event object per line, not an array.
            var body = new StringBuilder();
            events.forEach(e -> body.append(encode(e)).append('\n'));
            ctx.response().setStatusCode(200).putHeader("Content-Type", "application/stream+json")
                    .end(body.toString());
            return;
        }
        send(ctx, 200, events);
    }

    private void follow(RoutingContext ctx, SandboxDeployment deployment, long since) {
        var response = ctx.response();
        response.setChunked(true).putHeader("Content-Type", "application/stream+json");
        Context context = Vertx.currentContext();
        int cutAfter = deployment.scenario.cutStream() ? config.cutStreamAfterEvents() : Integer.MAX_VALUE;
        var written = new AtomicInteger();
        var closed = new AtomicBoolean();
        long keepAlive = vertx.setPeriodic(config.keepAliveInterval().toMillis(),
                id -> context.runOnContext(v -> write(ctx, closed, "{}")));
        var follower = new SandboxDeployment.Follower() {
            @Override
            public void event(SandboxEvent event) {
                context.runOnContext(v -> emit(ctx, closed, deployment, event, written, cutAfter));
            }

            @Override
            public void end() {
                context.runOnContext(v -> {
                    vertx.cancelTimer(keepAlive);
                    if (closed.compareAndSet(false, true)) {
                        response.end();
                    }
                });
            }
        };
        response.closeHandler(v -> {
            closed.set(true);
            vertx.cancelTimer(keepAlive);
            deployment.unfollow(follower);
        });
        List<SandboxEvent> backlog = deployment.follow(since, follower);
        backlog.forEach(e -> emit(ctx, closed, deployment, e, written, cutAfter));
        if (deployment.terminal()) {
            follower.end();
        }
    }

    private void emit(RoutingContext ctx, AtomicBoolean closed, SandboxDeployment deployment, SandboxEvent event,
            AtomicInteger written, int cutAfter) {
        if (closed.get()) {
            return;
        }
        write(ctx, closed, encode(event.toJson(deployment.id, deployment.buildId)));
        if (written.incrementAndGet() >= cutAfter && !deployment.terminal()) {
            // The "cut stream" scenario: drop the connection mid-build, like a proxy timing out.
            closed.set(true);
            ctx.request().connection().close();
        }
    }

    private void write(RoutingContext ctx, AtomicBoolean closed, String line) {
        if (!closed.get()) {
            ctx.response().write(line + "\n");
        }
    }

    private void send(RoutingContext ctx, int status, Object body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(encode(body));
    }

    private String encode(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long number(String value, long fallback) {
        try {
            return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw SandboxError.badRequest("Invalid number: " + value);
        }
    }
}
