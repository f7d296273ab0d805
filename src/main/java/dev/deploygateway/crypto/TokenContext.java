package dev.deploygateway.crypto;

import java.util.Objects;

/**
 * What a ciphertext belongs to. It is bound into the AES-GCM associated data, so a value copied to another
 * user's row, another platform or the other field (access/refresh) no longer decrypts. It is rebuilt from where
 * the value is stored at read time and is never stored inside the ciphertext.
 *
 * @param purpose  what kind of secret this is, e.g. {@code "platform-token"}
 * @param userId   the owning user
 * @param platform the platform the token is for, e.g. {@code "vercel"}
 * @param field    which secret of the connection, e.g. {@code "access"} or {@code "refresh"}
 */
public record TokenContext(String purpose, String userId, String platform, String field) {

    public TokenContext {
        requireWellFormed(purpose, "purpose");
        requireWellFormed(userId, "userId");
        requireWellFormed(platform, "platform");
        requireWellFormed(field, "field");
    }

    /** Context for a platform connection's access or refresh token. */
    public static TokenContext platformToken(String userId, String platform, String field) {
        return new TokenContext("platform-token", userId, platform, field);
    }

    /**
     * Empty values are almost always a caller bug (an unset user id), and unpaired surrogates would encode to the
     * same UTF-8 bytes as {@code '?'}, making two different contexts share associated data.
     */
    private static void requireWellFormed(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("TokenContext." + name + " must not be empty");
        }
        if (!Utf8.isWellFormed(value)) {
            throw new IllegalArgumentException("TokenContext." + name + " contains an unpaired surrogate");
        }
    }
}
