package dev.deploygateway.connection;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.crypto.TokenCipher;
import dev.deploygateway.crypto.TokenContext;
import dev.deploygateway.crypto.TokenDecryptionException;
import dev.deploygateway.store.SharedStore;
import dev.deploygateway.store.StoreKeys;
import io.smallrye.mutiny.Uni;

/**
 * Single-use OAuth {@code state}s. Each lives at {@code {user:<id>}:oauth-state:<state>} with a TTL, so only the
 * caller who started the handshake can even find it, and it vanishes by itself. Consuming is
 * {@code GET} then {@code DEL}-if-unchanged: of two concurrent callbacks with one state exactly one wins.
 */
@ApplicationScoped
class AuthorizationStates {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PURPOSE = "oauth-pkce";

    private final SharedStore store;
    private final TokenCipher cipher;

    AuthorizationStates(SharedStore store, TokenCipher cipher) {
        this.store = store;
        this.cipher = cipher;
    }

    static String key(String userId, String state) {
        return StoreKeys.user(userId, "oauth-state:" + state);
    }

    Uni<Void> remember(String state, PendingAuthorization pending, Duration ttl) {
        var sealed = new PendingAuthorization(pending.userId(), pending.platform(), pending.issuer(),
                pending.redirectUri(), pending.returnTo(), cipher.encrypt(pending.verifier(), context(pending, state)),
                pending.createdAt());
        return store.set(key(pending.userId(), state), write(sealed), Optional.of(ttl));
    }

    /** The pending authorization for this caller and state, removed so it can never be used again. */
    Uni<Optional<PendingAuthorization>> consume(String userId, String state) {
        if (state == null || !state.matches("[A-Za-z0-9_-]{20,128}")) {
            return Uni.createFrom().item(Optional.empty());
        }
        String key = key(userId, state);
        return store.get(key).chain(raw -> {
            if (raw.isEmpty()) {
                return Uni.createFrom().item(Optional.<PendingAuthorization>empty());
            }
            return store.deleteIfEquals(key, raw.get()).map(won -> won ? open(raw.get(), state) : Optional.empty());
        });
    }

    private Optional<PendingAuthorization> open(String raw, String state) {
        try {
            var sealed = JSON.readValue(raw, PendingAuthorization.class);
            String verifier = cipher.decrypt(sealed.verifier(), context(sealed, state)).plaintext();
            return Optional.of(new PendingAuthorization(sealed.userId(), sealed.platform(), sealed.issuer(),
                    sealed.redirectUri(), sealed.returnTo(), verifier, sealed.createdAt()));
        } catch (IOException | TokenDecryptionException e) {
            return Optional.empty(); // unreadable (e.g. another instance's ephemeral key): treated as unknown
        }
    }

    private static TokenContext context(PendingAuthorization pending, String state) {
        return new TokenContext(PURPOSE, pending.userId(), pending.platform(), state);
    }

    private static String write(PendingAuthorization pending) {
        try {
            return JSON.writeValueAsString(pending);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pending authorization not serialisable", e);
        }
    }
}
