package dev.deploygateway.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.config.DeploymentConfig;
import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.StoreKeys;
import dev.deploygateway.store.StreamEntry;
import io.smallrye.mutiny.Uni;

/**
 * The per-deployment event log: a capped stream in the shared store. Only the instance that owns a deployment
 * appends to it; any instance reads it. Appends also wake this instance's live feed so local viewers see an
 * event at once instead of at the next poll.
 */
@ApplicationScoped
public class EventLog {

    static final String KIND = "k";
    static final String DATA = "d";

    private final SharedStore store;
    private final ObjectMapper json;
    private final DeploymentConfig config;
    private final EventFeeds feeds;

    EventLog(SharedStore store, ObjectMapper json, DeploymentConfig config, EventFeeds feeds) {
        this.store = store;
        this.json = json;
        this.config = config;
        this.feeds = feeds;
    }

    public static String key(String deploymentId) {
        return StoreKeys.deployment(deploymentId, "events");
    }

    /** Appends one event and returns it with its id. */
    public Uni<DeploymentEvent> append(String deploymentId, EventPayload payload) {
        String data = encode(payload);
        return store.streamAppend(key(deploymentId), Map.of(KIND, payload.kind().wireName(), DATA, data),
                config.maxEventsPerDeployment())
                .map(id -> new DeploymentEvent(id, payload.kind(), data))
                .invoke(() -> feeds.wake(deploymentId));
    }

    /** Up to {@code count} events strictly after {@code afterId}, in order. */
    public Uni<List<DeploymentEvent>> readAfter(String deploymentId, String afterId, int count) {
        return store.streamRead(key(deploymentId), afterId, count)
                .map(entries -> entries.stream().map(EventLog::decode).toList());
    }

    static DeploymentEvent decode(StreamEntry entry) {
        return new DeploymentEvent(entry.id(), EventKind.fromWire(entry.fields().get(KIND)).orElse(EventKind.WARNING),
                entry.fields().getOrDefault(DATA, "{}"));
    }

    /** Keeps the log for {@code ttl} more, then lets the store drop it. */
    public Uni<Void> retain(String deploymentId, Duration ttl) {
        return store.expire(key(deploymentId), ttl).replaceWithVoid();
    }

    private String encode(EventPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload cannot be encoded: " + payload.kind(), e);
        }
    }
}
