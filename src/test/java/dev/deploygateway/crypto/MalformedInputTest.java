package dev.deploygateway.crypto;

import static dev.deploygateway.crypto.CipherFixtures.ALICE_VERCEL_ACCESS;
import static dev.deploygateway.crypto.CipherFixtures.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.deploygateway.crypto.TokenDecryptionException.Reason;

/** Everything that is not exactly a readable value raises {@link TokenDecryptionException}, nothing else. */
class MalformedInputTest {

    private static final TokenCipher CIPHER = CipherFixtures.cipher(KEY_A);
    private static final String VALID = CIPHER.encrypt("a-token", ALICE_VERCEL_ACCESS);
    private static final String LEGACY_TAIL = ":96c189b4b851ad9545a0875a830fad6c:86f5e590";

    static Stream<String> unreadable() {
        String body = VALID.substring(12);
        byte[] payload = Base64.getUrlDecoder().decode(body);
        payload[payload.length - 1] ^= 1;
        String flippedTag = VALID.substring(0, 12) + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        payload[payload.length - 1] ^= 1;
        payload[12] ^= (byte) 0x80;
        String flippedCiphertext = VALID.substring(0, 12)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        return Stream.of(
                "", "v2", "v2:", "v2:" + VALID.substring(3, 11), VALID.substring(0, 12),
                VALID.substring(0, VALID.length() - 1), // truncated by one character
                VALID.substring(0, 12 + 36), // IV + less than a tag
                VALID + "=", // padding is not part of the format
                VALID + "A", // trailing garbage
                VALID.replace("v2:", "v2:x"), // bad key id
                VALID.substring(0, 3) + VALID.substring(3, 11).toUpperCase() + VALID.substring(11),
                VALID.substring(0, 12) + "!" + VALID.substring(13), // not base64url
                VALID.substring(0, 12) + VALID.substring(12).replace('_', '/').replace('-', '+') + "/",
                flippedTag, flippedCiphertext,
                "v3:12345678:AAAA", "vault:v1:abc", // unsupported versions
                "0001" + LEGACY_TAIL.toUpperCase(), // legacy must be lower-case
                LEGACY_TAIL, // empty IV
                "0001" + LEGACY_TAIL + ":00", // four parts
                "0001:96c189b4:86f5e590", // short tag
                "0001" + LEGACY_TAIL + "0", // odd hex length
                "000" + LEGACY_TAIL,
                " 0001" + LEGACY_TAIL,
                "0001" + LEGACY_TAIL, // well-formed, wrong key
                "x".repeat(StoredToken.MAX_LENGTH + 1));
    }

    @ParameterizedTest
    @MethodSource("unreadable")
    void unreadableValuesRaiseTheTypedException(String stored) {
        assertThatThrownBy(() -> CIPHER.decrypt(stored, ALICE_VERCEL_ACCESS))
                .isExactlyInstanceOf(TokenDecryptionException.class)
                .hasNoCause();
    }

    @Test
    void nullStoredValueIsMalformed() {
        assertThatThrownBy(() -> CIPHER.decrypt(null, ALICE_VERCEL_ACCESS))
                .isInstanceOf(TokenDecryptionException.class)
                .extracting(e -> ((TokenDecryptionException) e).reason()).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void reasonsTellAnUnsupportedVersionAnUnknownKeyOrMalformedInputApart() {
        assertThat(reasonFor("v3:12345678:AAAA")).isEqualTo(Reason.UNSUPPORTED_VERSION);
        assertThat(reasonFor("v2:00000000" + VALID.substring(11))).isIn(Reason.UNKNOWN_KEY);
        assertThat(reasonFor(VALID.substring(0, VALID.length() - 2))).isIn(Reason.MALFORMED,
                Reason.AUTHENTICATION_FAILED);
        assertThat(reasonFor("v2:zz")).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void nonCanonicalBase64WithStrayLowBitsIsRejectedThoughTheJdkDecoderWouldAcceptIt() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String body = VALID.substring(12);
        assertThat(body.length() % 4).isNotZero(); // a 7-byte token leaves unused bits in the last character
        char last = body.charAt(body.length() - 1);
        String sameBytes = VALID.substring(0, VALID.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertThat(Base64.getUrlDecoder().decode(sameBytes.substring(12)))
                .isEqualTo(Base64.getUrlDecoder().decode(body));
        assertThat(reasonFor(sameBytes)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void currentFormatHasTheDocumentedShape() {
        String stored = CIPHER.encrypt("0123456789", ALICE_VERCEL_ACCESS);
        assertThat(stored).matches("v2:[0-9a-f]{8}:[A-Za-z0-9_-]+");
        byte[] payload = Base64.getUrlDecoder().decode(stored.substring(12));
        assertThat(payload).hasSize(12 + 10 + 16);
        assertThat(CIPHER.encrypt("t".repeat(100), ALICE_VERCEL_ACCESS)).hasSize(183); // as documented
        String empty = CIPHER.encrypt("", ALICE_VERCEL_ACCESS);
        assertThat(CIPHER.decrypt(empty, ALICE_VERCEL_ACCESS).plaintext()).isEmpty();
    }

    private static Reason reasonFor(String stored) {
        try {
            CIPHER.decrypt(stored, ALICE_VERCEL_ACCESS);
        } catch (TokenDecryptionException e) {
            return e.reason();
        }
        throw new AssertionError("decrypted unexpectedly");
    }
}
