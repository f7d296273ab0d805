package dev.deploygateway.api.deployment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.deployment.DeploymentRecord;
import dev.deploygateway.deployment.DeploymentService;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.events.DeploymentEvent;
import dev.deploygateway.events.EventFeeds;
import dev.deploygateway.events.EventLog;
import dev.deploygateway.events.StreamIds;
import dev.deploygateway.identity.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A deployment's event log for browsers: Server-Sent Events with resume ({@code Last-Event-ID} or
 * {@code ?after=}), replay then live with no gap or duplicate, a comment heartbeat, and an {@code end} event
 * after which the stream closes; or, for proxies that buffer SSE, the same path as a JSON long poll.
 */
@Authenticated
@Path("/api/v1/deployments/{id}/events")
public class DeploymentEventsResource {

    private static final int POLL_BATCH = 500;

    private final CurrentCaller caller;
    private final DeploymentService deployments;
    private final EventFeeds feeds;
    private final EventLog log;
    private final DeploymentConfig config;
    private final ObjectMapper json;
    private final Sse sse;

    DeploymentEventsResource(CurrentCaller caller, DeploymentService deployments, EventFeeds feeds, EventLog log,
            DeploymentConfig config, ObjectMapper json, Sse sse) {
        this.caller = caller;
        this.deployments = deployments;
        this.feeds = feeds;
        this.log = log;
        this.config = config;
        this.json = json;
        this.sse = sse;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @ResponseHeader(name = "Cache-Control", value = "no-cache")
    @ResponseHeader(name = "X-Accel-Buffering", value = "no")
    // The ownership check must answer 404 before the stream's 200 is written; it is one store read.
    @Blocking
    @Operation(summary = "Live events (SSE)", description = "status, log, progress, warning, error, end.")
    public Multi<OutboundSseEvent> stream(@RestPath String id, @RestHeader("Last-Event-ID") String lastEventId,
            @RestQuery String after) {
        String cursor = cursor(lastEventId, after);
        owned(id).await().atMost(Duration.ofSeconds(5));
        OutboundSseEvent poison = sse.newEventBuilder().comment("end").build();
        Multi<OutboundSseEvent> events = feeds.subscribe(caller.get().userId(), id, cursor)
                .map(this::toSse)
                .onFailure().recoverWithItem(this::interrupted)
                .onCompletion().continueWith(poison);
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.heartbeatInterval())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events, heartbeats).select().first(e -> e != poison);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Events as a long poll", description = "Events after ?after=, waiting up to ?wait= seconds.")
    public Uni<EventsPage> poll(@RestPath String id, @RestQuery String after, @RestQuery Integer wait) {
        String cursor = cursor(null, after);
        Duration maxWait = wait == null ? config.longPollMaxWait()
                : Duration.ofSeconds(Math.max(0, Math.min(wait, config.longPollMaxWait().toSeconds())));
        String userId = caller.get().userId();
        return owned(id).chain(record -> log.readAfter(userId, id, cursor, POLL_BATCH).chain(found -> {
            if (!found.isEmpty() || record.terminal() || maxWait.isZero()) {
                return Uni.createFrom().item(page(found, cursor));
            }
            return feeds.subscribe(userId, id, cursor).select().first().collect().asList()
                    .ifNoItem().after(maxWait).recoverWithItem(List.of())
                    .map(events -> page(events, cursor));
        }));
    }

    private Uni<DeploymentRecord> owned(String id) {
        return deployments.get(caller.get().userId(), id);
    }

    private OutboundSseEvent toSse(DeploymentEvent event) {
        return sse.newEventBuilder()
                .id(event.id())
                .name(event.kind().wireName())
                .reconnectDelay(config.sseRetry().toMillis())
                .data(String.class, event.data())
                .build();
    }

    /** A viewer cut off for being slow (or a store failure): tell it, without an id, so it resumes correctly. */
    private OutboundSseEvent interrupted(Throwable failure) {
        String resume = EventFeeds.slowViewerResumeId(failure).map(id -> " Reconnect to resume after " + id + ".")
                .orElse(" Reconnect to resume.");
        String message = EventFeeds.slowViewerResumeId(failure).isPresent()
                ? "This viewer fell too far behind the live log and was disconnected." + resume
                : "The event stream was interrupted." + resume;
        return sse.newEventBuilder().name("warning")
                .data(String.class, "{\"message\":" + quote(message) + "}").build();
    }

    private EventsPage page(List<DeploymentEvent> events, String cursor) {
        List<EventsPage.Item> items = events.stream().map(e -> new EventsPage.Item(e.id(), e.kind().wireName(),
                tree(e.data()))).toList();
        boolean ended = events.stream().anyMatch(DeploymentEvent::isEnd);
        return new EventsPage(items, items.isEmpty() ? cursor : items.get(items.size() - 1).id(), ended);
    }

    private JsonNode tree(String data) {
        try {
            return json.readTree(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json.getNodeFactory().textNode(data);
        }
    }

    private String quote(String text) {
        return json.getNodeFactory().textNode(text).toString();
    }

    private static String cursor(String lastEventId, String after) {
        String raw = lastEventId != null && !lastEventId.isBlank() ? lastEventId : after;
        if (raw == null || raw.isBlank()) {
            return StreamIds.BEGINNING;
        }
        Optional<String> parsed = StreamIds.parse(raw);
        return parsed.orElseThrow(() -> new GatewayException(ErrorCode.VALIDATION_FAILED,
                "Last-Event-ID / after must be an event id this API issued.",
                Map.of("errors", List.of(DeploymentRequestValidator.error("after", "is not an event id"))), Map.of(),
                null));
    }

    /** A long-poll answer: events after the cursor, the cursor to pass next, and whether the log has ended. */
    public record EventsPage(List<Item> events, String next, boolean ended) {
        /** One event. */
        public record Item(String id, String event, JsonNode data) {
        }
    }
}
