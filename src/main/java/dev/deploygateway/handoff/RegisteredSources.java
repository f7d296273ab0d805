package dev.deploygateway.handoff;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.config.HandoffConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.scaffold.SourceBundle;
import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.StoreKeys;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Sources registered ahead of a deployment: the files are kept in the shared store under the owner's key (so any
 * instance can deploy them, and another user's id is simply absent: 404), for {@code HANDOFF_SOURCE_TTL}. The
 * description and the files are two keys with the same TTL, so describing a source never loads its files.
 */
@ApplicationScoped
public class RegisteredSources {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("src_[0-9a-f]{32}");

    private final SharedStore store;
    private final ObjectMapper json;
    private final HandoffConfig config;

    RegisteredSources(SharedStore store, ObjectMapper json, HandoffConfig config) {
        this.store = store;
        this.json = json;
        this.config = config;
    }

    /** Keeps {@code bundle} for the owner; 413 when it is larger than {@code HANDOFF_SOURCE_MAX_BYTES}. */
    public Uni<RegisteredSource> register(String userId, SourceBundle bundle) {
        long limit = config.sourceMaxBytes().asLongValue();
        if (bundle.totalBytes() > limit) {
            return Uni.createFrom().failure(new GatewayException(ErrorCode.PAYLOAD_TOO_LARGE, "A registered source "
                    + "may hold at most " + limit + " bytes of files; this one has " + bundle.totalBytes() + ".",
                    Map.of("limitBytes", limit), Map.of(), null));
        }
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        Instant now = Instant.now();
        var source = new RegisteredSource("src_" + HexFormat.of().formatHex(id), bundle.fileCount(),
                bundle.totalBytes(), now, now.plus(config.sourceTtl()));
        Map<String, String> files = new LinkedHashMap<>();
        bundle.files().forEach(f -> files.put(f.path(), Base64.getEncoder().encodeToString(f.content())));
        // Files first: a description is only ever found next to its files.
        return store.set(key(userId, source.id(), "files"), write(files), Optional.of(config.sourceTtl()))
                .chain(() -> store.set(key(userId, source.id(), "meta"), write(source),
                        Optional.of(config.sourceTtl())))
                .replaceWith(source);
    }

    /** The owner's source; 404 when unknown, expired or another user's. */
    public Uni<RegisteredSource> describe(String userId, String id) {
        if (!FORMAT.matcher(String.valueOf(id)).matches()) {
            return Uni.createFrom().failure(notFound());
        }
        return store.get(key(userId, id, "meta"))
                .map(found -> read(found.orElseThrow(RegisteredSources::notFound), RegisteredSource.class));
    }

    /** The owner's source as a bundle to deploy; 404 when unknown, expired or another user's. */
    public Uni<SourceBundle> bundle(String userId, String id) {
        return describe(userId, id).chain(source -> store.get(key(userId, id, "files")))
                // Decoding tens of megabytes of base64 is work for a worker, not for the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(found -> {
                    Map<String, String> files = read(found.orElseThrow(RegisteredSources::notFound), FileMap.class);
                    Map<String, byte[]> raw = new LinkedHashMap<>();
                    files.forEach((path, content) -> raw.put(path, Base64.getDecoder().decode(content)));
                    return SourceBundle.of(raw);
                });
    }

    /** Forgets the owner's source; 404 when there is none. */
    public Uni<Void> delete(String userId, String id) {
        return describe(userId, id).chain(source -> store.delete(key(userId, id, "meta"), key(userId, id, "files")))
                .replaceWithVoid();
    }

    /** The stored form of the files: path to base64 content. */
    static final class FileMap extends LinkedHashMap<String, String> {
        private static final long serialVersionUID = 1L;
    }

    private static String key(String userId, String id, String part) {
        return StoreKeys.user(userId, "source:" + id + ":" + part);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a registered source cannot be written", e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored registered source cannot be read", e);
        }
    }

    private static GatewayException notFound() {
        return new GatewayException(ErrorCode.NOT_FOUND, "No registered source with this id (it may have expired).");
    }
}
