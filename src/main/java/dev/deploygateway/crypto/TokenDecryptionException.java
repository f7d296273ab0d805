package dev.deploygateway.crypto;

/**
 * The one failure of reading a stored token: malformed or truncated input, an unsupported format version, a key
 * id that is not in the key ring, a wrong key, a wrong context or tampered bytes.
 *
 * <p>The message names the {@link Reason} and, for {@link Reason#UNKNOWN_KEY}, the key id (a public label
 * derived from the key, never the key). It never contains plaintext, key material or the ciphertext, and no
 * cause is attached: library exceptions (for example a Base64 decoder's "Illegal base64 character 2d") can quote
 * pieces of their input. Callers normally answer it with "reconnect the platform".
 */
public final class TokenDecryptionException extends RuntimeException {

    /** Why a stored value could not be read; stable for logs and metrics. */
    public enum Reason {
        /** Not a ciphertext of any known shape (wrong separators, bad hex/base64, too short, too long). */
        MALFORMED,
        /** A versioned ciphertext whose version this build does not read. */
        UNSUPPORTED_VERSION,
        /** Written under a key id that is neither the current key nor a previous key. */
        UNKNOWN_KEY,
        /** Authentication failed: wrong key, wrong context, or modified bytes. */
        AUTHENTICATION_FAILED
    }

    private final Reason reason;

    TokenDecryptionException(Reason reason, String message) {
        // No cause and no writable stack trace suppression: the stack is useful, the cause could leak input.
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
