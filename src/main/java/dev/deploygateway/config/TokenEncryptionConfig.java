package dev.deploygateway.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Keys for encrypting platform tokens at rest. */
@ConfigMapping(prefix = "gateway.token-encryption")
public interface TokenEncryptionConfig {

    /**
     * {@code TOKEN_ENCRYPTION_KEY}: the current AES-256 key, exactly 64 hex characters
     * (generate with {@code openssl rand -hex 32}). Required in prod; outside prod an ephemeral key is
     * generated with a loud warning when it is absent.
     */
    Optional<String> key();

    /**
     * {@code TOKEN_ENCRYPTION_PREVIOUS_KEYS}: comma-separated retired keys (64 hex each), accepted for
     * decryption only so that values written before a rotation can still be read and rewrapped.
     */
    Optional<List<String>> previousKeys();
}
