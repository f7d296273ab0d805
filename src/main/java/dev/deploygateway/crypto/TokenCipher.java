package dev.deploygateway.crypto;

import java.security.SecureRandom;
import java.util.Objects;

import javax.crypto.AEADBadTagException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.deploygateway.crypto.TokenDecryptionException.Reason;

/**
 * Encrypts platform tokens for storage and reads them back. Writes only the current format
 * ({@code v2:<keyId>:<base64url(iv ‖ ct ‖ tag)>}, AES-256-GCM, random 96-bit IV, 128-bit tag, the
 * {@link TokenContext} bound as associated data) under the ring's current key; reads that format under any key of
 * the ring, and the seed's legacy {@code iv:tag:ct} format. The layout is specified in
 * {@code docs/token-encryption.md}.
 *
 * <p>Thread-safe: all state is immutable except the shared {@link SecureRandom}, which is itself thread-safe.
 * Plain Java apart from the two CDI annotations, so it can be built with {@code new TokenCipher(ring)}.
 */
@ApplicationScoped
public class TokenCipher {

    private final KeyRing keyRing;
    private final SecureRandom random;

    /** CDI and plain-Java constructor; in the application the ring comes from {@code KeyRingConfiguration}. */
    @Inject
    public TokenCipher(KeyRing keyRing) {
        this.keyRing = Objects.requireNonNull(keyRing, "keyRing");
        // One generator for every IV: NativePRNG (the Linux default) mixes in /dev/urandom and never blocks.
        this.random = new SecureRandom();
    }

    /** The ring in use, e.g. to report the current key id. */
    public KeyRing keyRing() {
        return keyRing;
    }

    /** Encrypts {@code plaintext} under the current key, bound to {@code context}. */
    public String encrypt(String plaintext, TokenContext context) {
        byte[] iv = new byte[StoredToken.IV_BYTES];
        random.nextBytes(iv);
        return encryptWithIv(plaintext, context, iv);
    }

    /** Seam for the documented worked example; production code always takes a fresh random IV. */
    String encryptWithIv(String plaintext, TokenContext context, byte[] iv) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(context, "context");
        TokenKey key = keyRing.current();
        byte[] sealed = AesGcm.seal(key.secretKey(), iv, AssociatedData.of(key.id(), context),
                Utf8.encode(plaintext, "plaintext"));
        return StoredToken.format(key.id(), iv, sealed);
    }

    /**
     * Decrypts a stored value written for {@code context}.
     *
     * <p>Legacy values carry no associated data, so for them {@code context} cannot be checked; they always
     * report {@link Decrypted#needsRewrap()} so the caller replaces them with a bound value.
     *
     * @throws TokenDecryptionException for every kind of failure
     */
    public Decrypted decrypt(String stored, TokenContext context) {
        Objects.requireNonNull(context, "context");
        StoredToken parsed = StoredToken.parse(stored);
        if (parsed instanceof StoredToken.Current current) {
            return decryptCurrent(current, context);
        }
        return decryptLegacy((StoredToken.Legacy) parsed);
    }

    /**
     * Decrypts {@code stored} and encrypts it again under the current key in the current format with a fresh IV,
     * bound to {@code context}. For a legacy value this is the moment it becomes bound to {@code context}, so
     * pass the context of the row it was read from.
     *
     * @throws TokenDecryptionException when {@code stored} cannot be read
     */
    public String rewrap(String stored, TokenContext context) {
        return encrypt(decrypt(stored, context).plaintext(), context);
    }

    private Decrypted decryptCurrent(StoredToken.Current current, TokenContext context) {
        TokenKey key = keyRing.byId(current.keyId()).orElseThrow(() -> new TokenDecryptionException(
                Reason.UNKNOWN_KEY, "stored token was written under key id " + current.keyId()
                        + ", which is neither TOKEN_ENCRYPTION_KEY nor in TOKEN_ENCRYPTION_PREVIOUS_KEYS"));
        byte[] payload = current.payload();
        int ivLength = StoredToken.IV_BYTES;
        try {
            byte[] plain = AesGcm.open(key.secretKey(), payload, 0, ivLength,
                    AssociatedData.of(key.id(), context), payload, ivLength, payload.length - ivLength);
            return new Decrypted(text(plain), key != keyRing.current());
        } catch (AEADBadTagException e) {
            throw authenticationFailed();
        }
    }

    /** The seed's values have no key id: try each key of the ring, current first (a ring holds a few keys). */
    private Decrypted decryptLegacy(StoredToken.Legacy legacy) {
        byte[] iv = legacy.iv();
        byte[] input = legacy.ciphertextAndTag();
        for (TokenKey key : keyRing.keys()) {
            try {
                byte[] plain = AesGcm.open(key.secretKey(), iv, 0, iv.length, new byte[0], input, 0, input.length);
                return new Decrypted(text(plain), true);
            } catch (AEADBadTagException e) {
                // Not this key; the next one may be right.
            }
        }
        throw authenticationFailed();
    }

    private static String text(byte[] plain) {
        // Authenticated but not UTF-8 can only be a value some other writer produced; refuse it like a bad tag.
        return Utf8.decode(plain).orElseThrow(() -> new TokenDecryptionException(Reason.AUTHENTICATION_FAILED,
                "stored token decrypted to bytes that are not UTF-8 text"));
    }

    private static TokenDecryptionException authenticationFailed() {
        return new TokenDecryptionException(Reason.AUTHENTICATION_FAILED,
                "stored token failed authentication (wrong key, wrong user/platform/field context, or modified)");
    }
}
