package dev.deploygateway.crypto;

import static dev.deploygateway.crypto.CipherFixtures.ALICE_VERCEL_ACCESS;
import static dev.deploygateway.crypto.CipherFixtures.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A v2 value only decrypts in the context it was written for. */
class ContextBindingTest {

    private final TokenCipher cipher = CipherFixtures.cipher(KEY_A);

    static Stream<TokenContext> otherContexts() {
        return Stream.of(
                TokenContext.platformToken("bob", "vercel", "access"), // another user
                TokenContext.platformToken("alice", "railway", "access"), // another platform
                TokenContext.platformToken("alice", "vercel", "refresh"), // the other field
                new TokenContext("oauth-state", "alice", "vercel", "access"), // another purpose
                // Same characters, different split: only a length-prefixed encoding tells these apart.
                TokenContext.platformToken("alicev", "ercel", "access"),
                TokenContext.platformToken("alice", "vercela", "ccess"));
    }

    @Test
    void decryptsInItsOwnContext() {
        String stored = cipher.encrypt("vercel-token", ALICE_VERCEL_ACCESS);
        Decrypted decrypted = cipher.decrypt(stored, TokenContext.platformToken("alice", "vercel", "access"));
        assertThat(decrypted.plaintext()).isEqualTo("vercel-token");
        assertThat(decrypted.needsRewrap()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("otherContexts")
    void movedToAnotherContextItFailsToDecrypt(TokenContext other) {
        String stored = cipher.encrypt("vercel-token", ALICE_VERCEL_ACCESS);
        assertThatThrownBy(() -> cipher.decrypt(stored, other))
                .isInstanceOf(TokenDecryptionException.class)
                .extracting(e -> ((TokenDecryptionException) e).reason())
                .isEqualTo(TokenDecryptionException.Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void associatedDataDiffersForShiftedFieldBoundaries() {
        byte[] a = AssociatedData.of("12345678", TokenContext.platformToken("ab", "c", "access"));
        byte[] b = AssociatedData.of("12345678", TokenContext.platformToken("a", "bc", "access"));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void contextsThatCannotBeEncodedUnambiguouslyAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TokenContext.platformToken("", "vercel", "access"));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TokenContext.platformToken("al\uD800ice", "vercel", "access"));
    }
}
