package dev.deploygateway.crypto;

import static dev.deploygateway.crypto.CipherFixtures.ALICE_VERCEL_ACCESS;
import static dev.deploygateway.crypto.CipherFixtures.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Values written by the seed ({@code iv:authTag:ciphertext}, Node crypto, no AAD) are still readable. */
class SeedFormatTest {

    /** origin-notes §2.1: the seed's test key, IV 00..0f, checked against the seed's writer. */
    private static final String ORIGIN_KEY = "874c4c94cd8c0fde6cce54d1f38828a58f5a16f85d3a9f28c703c844cc11b51e";
    private static final String ORIGIN_VECTOR = "000102030405060708090a0b0c0d0e0f:96c189b4b851ad9545a0875a830fad6c:"
            + "86f5e5901792a811f942df067ce8addf29545be74c849367a8d94b66b472a9";

    @Test
    void originNotesVectorDecryptsButAsksForRewrap() {
        Decrypted decrypted = CipherFixtures.cipher(ORIGIN_KEY).decrypt(ORIGIN_VECTOR, ALICE_VERCEL_ACCESS);
        assertThat(decrypted.plaintext()).isEqualTo("gho_test_token_1234567890abcdef");
        assertThat(decrypted.needsRewrap()).isTrue();
    }

    @Test
    void legacyValueUnderAPreviousKeyDecrypts() {
        TokenCipher rotated = CipherFixtures.cipher(KEY_A, ORIGIN_KEY);
        assertThat(rotated.decrypt(ORIGIN_VECTOR, ALICE_VERCEL_ACCESS).plaintext())
                .isEqualTo("gho_test_token_1234567890abcdef");
    }

    @Test
    void rewrapTurnsALegacyValueIntoTheCurrentFormatBoundToTheContext() {
        TokenCipher rotated = CipherFixtures.cipher(KEY_A, ORIGIN_KEY);
        String rewrapped = rotated.rewrap(ORIGIN_VECTOR, ALICE_VERCEL_ACCESS);
        assertThat(rewrapped).startsWith("v2:" + rotated.keyRing().current().id() + ":");
        Decrypted again = rotated.decrypt(rewrapped, ALICE_VERCEL_ACCESS);
        assertThat(again.plaintext()).isEqualTo("gho_test_token_1234567890abcdef");
        assertThat(again.needsRewrap()).isFalse();
        assertThatThrownBy(() -> rotated.decrypt(rewrapped, TokenContext.platformToken("bob", "vercel", "access")))
                .isInstanceOf(TokenDecryptionException.class);
    }

    @Test
    void legacyValueUnderAKeyOutsideTheRingFails() {
        assertThatThrownBy(() -> CipherFixtures.cipher(KEY_A).decrypt(ORIGIN_VECTOR, ALICE_VERCEL_ACCESS))
                .isInstanceOf(TokenDecryptionException.class)
                .extracting(e -> ((TokenDecryptionException) e).reason())
                .isEqualTo(TokenDecryptionException.Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void legacyValueWithAShortenedTagIsRejected() {
        // Node accepts 4..16-byte tags by default; a truncated tag would make forgeries cheap, so 16 are required.
        String shortTag = "000102030405060708090a0b0c0d0e0f:96c189b4b851ad95:"
                + "86f5e5901792a811f942df067ce8addf29545be74c849367a8d94b66b472a9";
        assertThatThrownBy(() -> CipherFixtures.cipher(ORIGIN_KEY).decrypt(shortTag, ALICE_VERCEL_ACCESS))
                .isInstanceOf(TokenDecryptionException.class);
    }

    @TestFactory
    Stream<DynamicTest> ciphertextsWrittenByNodeInTheSeedFormatDecrypt() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("/crypto/seed-fixtures.json")) {
            root = new ObjectMapper().readTree(in);
        }
        TokenCipher cipher = CipherFixtures.cipher(root.get("keyHex").asText());
        assertThat(root.get("fixtures")).hasSizeGreaterThanOrEqualTo(8);
        return StreamSupport.stream(root.get("fixtures").spliterator(), false).map(f -> DynamicTest.dynamicTest(
                f.get("name").asText() + " (IV " + f.get("ivLength").asInt() + " bytes)", () -> {
                    String stored = f.get("ciphertext").asText();
                    assertThat(stored.substring(0, stored.indexOf(':'))).hasSize(2 * f.get("ivLength").asInt());
                    Decrypted decrypted = cipher.decrypt(stored, ALICE_VERCEL_ACCESS);
                    assertThat(decrypted.plaintext()).isEqualTo(f.get("plaintext").asText());
                    assertThat(decrypted.needsRewrap()).isTrue();
                }));
    }
}
