package dev.deploygateway.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.StoreKeys;
import dev.deploygateway.store.StreamEntry;
import io.smallrye.mutiny.Uni;

/**
 * The per-deployment event log: a capped stream in the shared store, under its owner's hash tag. Only the
 * instance that owns a deployment writes to it, through the deployment journal's fenced script (an event is
 * appended in the same atomic step as the record change it reports); any instance reads it. This class names
 * the stream and its fields, encodes payloads, decodes entries and wakes this instance's live feed after a local
 * append so local viewers see an event at once instead of at the next poll.
 */
@ApplicationScoped
public class EventLog {

    /** Stream field holding the event kind's wire name. */
    public static final String KIND = "k";
    /** Stream field holding the payload JSON. */
    public static final String DATA = "d";

    private final SharedStore store;
    private final ObjectMapper json;
    private final EventFeeds feeds;

    EventLog(SharedStore store, ObjectMapper json, EventFeeds feeds) {
        this.store = store;
        this.json = json;
        this.feeds = feeds;
    }

    public static String key(String userId, String deploymentId) {
        return StoreKeys.deployment(userId, deploymentId, "events");
    }

    /** Up to {@code count} events strictly after {@code afterId}, in order. */
    public Uni<List<DeploymentEvent>> readAfter(String userId, String deploymentId, String afterId, int count) {
        return store.streamRead(key(userId, deploymentId), afterId, count)
                .map(entries -> entries.stream().map(EventLog::decode).toList());
    }

    /** Tells this instance's viewers of the deployment that new events were appended. */
    public void appended(String userId, String deploymentId) {
        feeds.wake(userId, deploymentId);
    }

    static DeploymentEvent decode(StreamEntry entry) {
        return new DeploymentEvent(entry.id(), EventKind.fromWire(entry.fields().get(KIND)).orElse(EventKind.WARNING),
                entry.fields().getOrDefault(DATA, "{}"));
    }

    /** The payload as the JSON line stored and sent to viewers. */
    public String encode(EventPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload cannot be encoded: " + payload.kind(), e);
        }
    }
}
