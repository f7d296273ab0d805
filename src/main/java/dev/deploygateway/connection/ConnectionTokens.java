package dev.deploygateway.connection;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.crypto.Decrypted;
import dev.deploygateway.crypto.TokenCipher;
import dev.deploygateway.crypto.TokenContext;
import dev.deploygateway.crypto.TokenDecryptionException;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.PlatformId;

/**
 * Seals and opens a connection's tokens with {@link TokenCipher}. The context binds each value to
 * ("platform-token", user, platform, "access"|"refresh"), so a value copied to another record does not open.
 */
@ApplicationScoped
class ConnectionTokens {

    static final String ACCESS = "access";
    static final String REFRESH = "refresh";

    private final TokenCipher cipher;

    ConnectionTokens(TokenCipher cipher) {
        this.cipher = cipher;
    }

    String seal(String userId, PlatformId platform, String field, String token) {
        return cipher.encrypt(token, TokenContext.platformToken(userId, platform.key(), field));
    }

    /** Opens a stored value; one that cannot be opened (key gone, tampered) means the user must reconnect. */
    Decrypted open(String userId, PlatformId platform, String field, String stored) {
        try {
            return cipher.decrypt(stored, TokenContext.platformToken(userId, platform.key(), field));
        } catch (TokenDecryptionException e) {
            throw new GatewayException(ErrorCode.RECONNECT_REQUIRED, "The stored " + platform.key()
                    + " token can no longer be read (" + e.reason() + "); connect " + platform.key() + " again.");
        }
    }

    String rewrap(String userId, PlatformId platform, String field, String stored) {
        return cipher.rewrap(stored, TokenContext.platformToken(userId, platform.key(), field));
    }
}
