package dev.deploygateway.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.store.MemoryKeyspace;
import dev.deploygateway.store.ScriptReply;
import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.StoreKeys;
import dev.deploygateway.store.StoreScript;
import io.smallrye.mutiny.Uni;

/**
 * Connection records in the shared store: {@code {user:<id>}:connection:<platform>}, one JSON value without
 * expiry. Writes after the first are compare-and-set on the whole value, so a refresh, a rewrap or a "reconnect
 * required" mark never resurrects a deleted connection nor overwrites tokens another writer stored meanwhile.
 * Store outages surface as {@code StoreUnavailableException} (503): never a silent "not connected".
 */
@ApplicationScoped
class ConnectionStore {

    static final StoreScript REPLACE_IF_EQUALS = new StoreScript("replace-if-equals", """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2])
              return 1
            end
            return 0
            """, ConnectionStore::replaceInMemory);

    // Its own mapper: the record format must not change with the REST layer's Jackson settings.
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final SharedStore store;

    ConnectionStore(SharedStore store) {
        this.store = store;
    }

    static String key(String userId, PlatformId platform) {
        return StoreKeys.user(userId, "connection:" + platform.key());
    }

    SharedStore store() {
        return store;
    }

    /** The record and its exact stored text (the compare value for {@link #replace}). */
    record Versioned(ConnectionRecord record, String raw) {
        @Override
        public String toString() {
            return "Versioned[" + record + "]";
        }
    }

    Uni<Optional<Versioned>> find(String userId, PlatformId platform) {
        return store.get(key(userId, platform)).map(raw -> raw.map(text -> new Versioned(parse(text), text)));
    }

    Uni<Void> save(String userId, ConnectionRecord record) {
        return store.set(key(userId, platform(record)), write(record), Optional.empty());
    }

    /** Stores {@code updated} only while the value is still {@code expected.raw()}; true when it did. */
    Uni<Boolean> replace(String userId, Versioned expected, ConnectionRecord updated) {
        return store.run(REPLACE_IF_EQUALS, List.of(key(userId, platform(updated))),
                List.of(expected.raw(), write(updated))).map(r -> r.size() > 0 && r.number(0) == 1L);
    }

    Uni<Boolean> delete(String userId, PlatformId platform) {
        return store.delete(key(userId, platform)).map(n -> n > 0);
    }

    private static PlatformId platform(ConnectionRecord record) {
        return PlatformId.valueOf(record.platform().toUpperCase(Locale.ROOT));
    }

    static String write(ConnectionRecord record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("connection record not serialisable", e);
        }
    }

    static ConnectionRecord parse(String text) {
        try {
            return JSON.readValue(text, ConnectionRecord.class);
        } catch (IOException e) {
            // The parser's message quotes the input, which holds ciphertext: keep only the type.
            throw new UncheckedIOException(new IOException("unreadable connection record ("
                    + e.getClass().getSimpleName() + ")"));
        }
    }

    private static ScriptReply replaceInMemory(MemoryKeyspace keyspace, List<String> keys, List<String> args) {
        Optional<String> current = keyspace.read(keys.get(0), String.class);
        if (current.isPresent() && Objects.equals(current.get(), args.get(0))) {
            keyspace.putString(keys.get(0), args.get(1), 0);
            return ScriptReply.of(1L);
        }
        return ScriptReply.of(0L);
    }
}
