package dev.deploygateway.api.deployment;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.deployment.DeploymentIds;
import dev.deploygateway.deployment.DeploymentRepository;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.events.DeploymentEvent;
import dev.deploygateway.events.EventBatch;
import dev.deploygateway.events.EventFeeds;
import dev.deploygateway.identity.CurrentCaller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * A deployment's event log as a JSON long poll, for clients and proxies that cannot use Server-Sent Events. The
 * SSE form of the same path is served by {@link DeploymentEventStream} before requests reach this class: only
 * requests that ask for {@code application/json} (or that SSE cannot satisfy) arrive here. Both read the same
 * feed, so a poll costs the store nothing once the deployment has viewers on this instance.
 */
@Authenticated
@Path("/api/v1/deployments/{id}/events")
public class DeploymentEventsResource {

    private static final int POLL_BATCH = 500;

    private final CurrentCaller caller;
    private final DeploymentRepository deployments;
    private final EventFeeds feeds;
    private final DeploymentConfig config;
    private final ObjectMapper json;

    DeploymentEventsResource(CurrentCaller caller, DeploymentRepository deployments, EventFeeds feeds,
            DeploymentConfig config, ObjectMapper json) {
        this.caller = caller;
        this.deployments = deployments;
        this.feeds = feeds;
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Events: live SSE stream, or a JSON long poll",
            description = "text/event-stream (the default, also for */*): status, log, progress, warning, error and"
                    + " end events with ids, resumable with Last-Event-ID or ?after=. application/json: events"
                    + " after ?after=, waiting up to ?wait= seconds for the next ones.")
    @APIResponse(responseCode = "200", description = "Events of the caller's deployment", content = {
            @Content(mediaType = "text/event-stream"),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventsPage.class)) })
    @APIResponse(responseCode = "404", description = "No deployment of the caller with this id")
    public Uni<EventsPage> poll(@RestPath String id, @RestQuery String after, @RestQuery Integer wait) {
        String cursor = EventCursor.of(null, after);
        Duration maxWait = wait == null ? config.longPollMaxWait()
                : Duration.ofSeconds(Math.max(0, Math.min(wait, config.longPollMaxWait().toSeconds())));
        String userId = caller.get().userId();
        if (!DeploymentIds.isWellFormed(id)) {
            return Uni.createFrom().failure(notFound());
        }
        return feeds.admit(userId, id, () -> deployments.findOwned(userId, id).map(Optional::isPresent))
                .chain(owned -> {
                    if (!owned) {
                        return Uni.createFrom().failure(notFound());
                    }
                    Uni<EventBatch> next = feeds.next(userId, id, cursor, POLL_BATCH, !maxWait.isZero());
                    return maxWait.isZero() ? next
                            : next.ifNoItem().after(maxWait).recoverWithItem(new EventBatch(List.of(), false));
                })
                .map(batch -> page(batch, cursor));
    }

    private static GatewayException notFound() {
        return new GatewayException(ErrorCode.NOT_FOUND, "No deployment with this id.");
    }

    private EventsPage page(EventBatch batch, String cursor) {
        List<EventsPage.Item> items = batch.events().stream()
                .map(e -> new EventsPage.Item(e.id(), e.kind().wireName(), tree(e))).toList();
        return new EventsPage(items, items.isEmpty() ? cursor : items.get(items.size() - 1).id(), batch.ended());
    }

    private JsonNode tree(DeploymentEvent event) {
        try {
            return json.readTree(event.data());
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(event.data());
        }
    }

    /** A long-poll answer: events after the cursor, the cursor to pass next, and whether the log has ended. */
    public record EventsPage(List<Item> events, String next, boolean ended) {
        /** One event. */
        public record Item(String id, String event, JsonNode data) {
        }
    }
}
