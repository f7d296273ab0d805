package dev.deploygateway.crypto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current key (encrypts and decrypts) and the previous keys (decrypt only), indexed by key id so that a
 * versioned ciphertext finds its key directly. Immutable and thread-safe.
 */
public final class KeyRing {

    private final TokenKey current;
    private final Map<String, TokenKey> byId;
    private final boolean ephemeral;

    private KeyRing(TokenKey current, List<TokenKey> previous, boolean ephemeral) {
        this.current = current;
        this.ephemeral = ephemeral;
        Map<String, TokenKey> keys = new LinkedHashMap<>();
        keys.put(current.id(), current);
        for (TokenKey key : previous) {
            TokenKey existing = keys.putIfAbsent(key.id(), key);
            if (existing != null && !existing.secretKey().equals(key.secretKey())) {
                // 32-bit ids: a collision is ~1 in 4 billion per pair, but silent misrouting would be worse.
                throw new IllegalArgumentException("two different token encryption keys share the key id "
                        + key.id() + "; replace one of them");
            }
        }
        this.byId = Collections.unmodifiableMap(keys);
    }

    /** A ring with the given current key and previous (decrypt-only) keys; duplicates are ignored. */
    public static KeyRing of(TokenKey current, List<TokenKey> previous) {
        return new KeyRing(current, List.copyOf(previous), false);
    }

    /** A ring whose current key was generated at startup and is lost on restart. */
    public static KeyRing ephemeral(TokenKey generated, List<TokenKey> previous) {
        return new KeyRing(generated, List.copyOf(previous), true);
    }

    /**
     * Parses configured keys: {@code TOKEN_ENCRYPTION_KEY} and each entry of
     * {@code TOKEN_ENCRYPTION_PREVIOUS_KEYS}. Messages name the variable (and the entry's position), never the
     * value.
     */
    public static KeyRing fromHex(String currentHex, List<String> previousHex) {
        TokenKey current = TokenKey.fromHex(currentHex, "TOKEN_ENCRYPTION_KEY");
        return of(current, parsePrevious(previousHex));
    }

    /** Previous keys from their configured hex, positions counted from 1 in messages. */
    public static List<TokenKey> parsePrevious(List<String> previousHex) {
        List<TokenKey> previous = new ArrayList<>();
        for (int i = 0; i < previousHex.size(); i++) {
            // Trim around the commas only: "k1, k2" is list syntax, not part of a key.
            previous.add(TokenKey.fromHex(previousHex.get(i).strip(),
                    "TOKEN_ENCRYPTION_PREVIOUS_KEYS entry " + (i + 1)));
        }
        return previous;
    }

    public TokenKey current() {
        return current;
    }

    public Optional<TokenKey> byId(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    /** Every key, current first: the order legacy (id-less) ciphertexts are tried in. */
    public List<TokenKey> keys() {
        return List.copyOf(byId.values());
    }

    /** True when the current key was generated at startup (no {@code TOKEN_ENCRYPTION_KEY} outside prod). */
    public boolean ephemeral() {
        return ephemeral;
    }

    @Override
    public String toString() {
        return "KeyRing[current=" + current.id() + ", keys=" + byId.keySet() + ", ephemeral=" + ephemeral + "]";
    }
}
