package dev.deploygateway.store;

import java.time.Clock;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The data of the memory backend: a map of keys to typed values with Redis expiry semantics. Expiry is lazy (a
 * read of an expired key deletes it) plus periodic ({@link #sweep()}). Not thread-safe on its own:
 * {@link MemoryStore} calls it under one lock, which also makes scripts atomic, as on Redis.
 */
public final class MemoryKeyspace {

    /** Redis {@code PTTL} answer for a key that does not exist. */
    public static final long NO_KEY = -2;
    /** Redis {@code PTTL} answer for a key without expiry. */
    public static final long NO_EXPIRY = -1;

    private final Map<String, Slot> slots = new HashMap<>();
    private final Clock clock;

    /** A value and its absolute expiry in epoch ms (0 = none). */
    private static final class Slot {
        final Object value;
        long expiresAt;

        Slot(Object value, long expiresAt) {
            this.value = value;
            this.expiresAt = expiresAt;
        }
    }

    public MemoryKeyspace(Clock clock) {
        this.clock = clock;
    }

    /** The current time in epoch ms: the memory backend's {@code TIME}. */
    public long now() {
        return clock.millis();
    }

    /** The value at key if it exists and has the given type; fails like Redis's WRONGTYPE otherwise. */
    public <T> Optional<T> read(String key, Class<T> type) {
        Slot slot = live(key);
        if (slot == null) {
            return Optional.empty();
        }
        if (!type.isInstance(slot.value)) {
            throw new IllegalStateException("WRONGTYPE Operation against a key holding the wrong kind of value");
        }
        return Optional.of(type.cast(slot.value));
    }

    /** The collection at key, created (without expiry) when missing. */
    public <T> T readOrCreate(String key, Class<T> type, Supplier<T> factory) {
        Optional<T> existing = read(key, type);
        if (existing.isPresent()) {
            return existing.get();
        }
        T created = factory.get();
        slots.put(key, new Slot(created, 0));
        return created;
    }

    /** The string at key ({@code GET}). */
    public Optional<String> string(String key) {
        return read(key, String.class);
    }

    /** The hash at key, live (changes write through), when it exists. */
    public Optional<Map<String, String>> hash(String key) {
        return read(key, MemoryHash.class).map(h -> h);
    }

    /** The hash at key, created (without expiry) when missing; changes write through. */
    public Map<String, String> hashOrCreate(String key) {
        return readOrCreate(key, MemoryHash.class, MemoryHash::new);
    }

    /** The sorted set at key when it exists. */
    public Optional<MemorySortedSet> sortedSet(String key) {
        return read(key, MemorySortedSet.class);
    }

    /** The stream at key, created (without expiry) when missing. */
    public MemoryStream streamOrCreate(String key) {
        return readOrCreate(key, MemoryStream.class, MemoryStream::new);
    }

    /** Stores a string, replacing value and expiry ({@code expiresAt} 0 = none). */
    public void putString(String key, String value, long expiresAt) {
        slots.put(key, new Slot(value, expiresAt));
    }

    /** Replaces a string value while keeping the key's expiry, as {@code INCR} and {@code SET KEEPTTL} do. */
    public void replaceKeepingTtl(String key, String value) {
        Slot old = live(key);
        slots.put(key, new Slot(value, old == null ? 0 : old.expiresAt));
    }

    public boolean remove(String key) {
        return live(key) != null && slots.remove(key) != null;
    }

    /** Drops a collection key that became empty, as Redis does. */
    public void removeIfEmpty(String key, boolean empty) {
        if (empty) {
            slots.remove(key);
        }
    }

    public boolean exists(String key) {
        return live(key) != null;
    }

    /** {@code PEXPIRE}; a non-positive ttl deletes the key, as Redis does. */
    public boolean expire(String key, long ttlMillis) {
        Slot slot = live(key);
        if (slot == null) {
            return false;
        }
        if (ttlMillis <= 0) {
            slots.remove(key);
        } else {
            slot.expiresAt = now() + ttlMillis;
        }
        return true;
    }

    /** {@code PTTL}: -2 missing, -1 no expiry. */
    public long ttl(String key) {
        Slot slot = live(key);
        if (slot == null) {
            return NO_KEY;
        }
        return slot.expiresAt == 0 ? NO_EXPIRY : slot.expiresAt - now();
    }

    /** Deletes every expired key; returns how many. */
    public int sweep() {
        long now = now();
        int removed = 0;
        for (Iterator<Slot> it = slots.values().iterator(); it.hasNext();) {
            Slot slot = it.next();
            if (slot.expiresAt != 0 && slot.expiresAt <= now) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }

    /** A hash value; a named type so a WRONGTYPE check can tell it from other maps. */
    static final class MemoryHash extends LinkedHashMap<String, String> {
        private static final long serialVersionUID = 1L;
    }

    private Slot live(String key) {
        Slot slot = slots.get(key);
        if (slot != null && slot.expiresAt != 0 && slot.expiresAt <= now()) {
            slots.remove(key);
            return null;
        }
        return slot;
    }
}
