package dev.deploygateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The bean is wired by CDI; the test profile has no TOKEN_ENCRYPTION_KEY, so it runs on an ephemeral key. */
@QuarkusTest
class TokenCipherQuarkusTest {

    @Inject
    TokenCipher cipher;

    @Test
    void injectedCipherRoundTripsOnAnEphemeralKey() {
        TokenContext context = TokenContext.platformToken("quarkus-user", "render", "access");
        String stored = cipher.encrypt("rnd_token", context);
        assertThat(stored).startsWith("v2:" + cipher.keyRing().current().id() + ":");
        Decrypted decrypted = cipher.decrypt(stored, context);
        assertThat(decrypted.plaintext()).isEqualTo("rnd_token");
        assertThat(decrypted.needsRewrap()).isFalse();
        assertThat(cipher.keyRing().ephemeral()).isTrue();
    }
}
