package dev.deploygateway.crypto;

import static dev.deploygateway.crypto.CipherFixtures.ALICE_VERCEL_ACCESS;
import static dev.deploygateway.crypto.CipherFixtures.KEY_A;
import static dev.deploygateway.crypto.CipherFixtures.KEY_B;
import static dev.deploygateway.crypto.CipherFixtures.KEY_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Rotation: the old key moves to the previous keys, old values stay readable and are rewrapped. */
class KeyRotationTest {

    private final TokenCipher beforeRotation = CipherFixtures.cipher(KEY_A);
    private final TokenCipher afterRotation = CipherFixtures.cipher(KEY_B, KEY_A);

    @Test
    void valueWrittenUnderTheOldKeyStillDecryptsButAsksForRewrap() {
        String old = beforeRotation.encrypt("token-1", ALICE_VERCEL_ACCESS);
        Decrypted decrypted = afterRotation.decrypt(old, ALICE_VERCEL_ACCESS);
        assertThat(decrypted.plaintext()).isEqualTo("token-1");
        assertThat(decrypted.needsRewrap()).isTrue();
    }

    @Test
    void rewrapMovesTheValueToTheNewKeyId() {
        String old = beforeRotation.encrypt("token-1", ALICE_VERCEL_ACCESS);
        String oldId = beforeRotation.keyRing().current().id();
        String newId = afterRotation.keyRing().current().id();
        assertThat(newId).isNotEqualTo(oldId);
        assertThat(old).startsWith("v2:" + oldId + ":");

        String rewrapped = afterRotation.rewrap(old, ALICE_VERCEL_ACCESS);

        assertThat(rewrapped).startsWith("v2:" + newId + ":");
        Decrypted decrypted = afterRotation.decrypt(rewrapped, ALICE_VERCEL_ACCESS);
        assertThat(decrypted.plaintext()).isEqualTo("token-1");
        assertThat(decrypted.needsRewrap()).isFalse();
        // After the old key is retired completely, the rewrapped value is still readable.
        assertThat(CipherFixtures.cipher(KEY_B).decrypt(rewrapped, ALICE_VERCEL_ACCESS).plaintext())
                .isEqualTo("token-1");
    }

    @Test
    void valueUnderAKeyThatIsNotInTheRingFailsWithUnknownKey() {
        String underC = CipherFixtures.cipher(KEY_C).encrypt("token-1", ALICE_VERCEL_ACCESS);
        assertThatThrownBy(() -> afterRotation.decrypt(underC, ALICE_VERCEL_ACCESS))
                .isInstanceOf(TokenDecryptionException.class)
                .extracting(e -> ((TokenDecryptionException) e).reason())
                .isEqualTo(TokenDecryptionException.Reason.UNKNOWN_KEY);
        assertThatThrownBy(() -> afterRotation.rewrap(underC, ALICE_VERCEL_ACCESS))
                .isInstanceOf(TokenDecryptionException.class);
    }

    @Test
    void relabellingAValueWithAnotherKeyIdFailsAuthentication() {
        // Forge the id of a key that is in the ring: the key id is bound in the associated data.
        String underA = beforeRotation.encrypt("token-1", ALICE_VERCEL_ACCESS);
        TokenCipher ringWithBothKeys = CipherFixtures.cipher(KEY_A, KEY_B);
        String relabelled = "v2:" + afterRotation.keyRing().current().id() + underA.substring(11);
        assertThatThrownBy(() -> ringWithBothKeys.decrypt(relabelled, ALICE_VERCEL_ACCESS))
                .isInstanceOf(TokenDecryptionException.class)
                .extracting(e -> ((TokenDecryptionException) e).reason())
                .isEqualTo(TokenDecryptionException.Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void keyIdsAreStableWithoutRevealingTheKey() {
        TokenKey first = TokenKey.fromHex(KEY_A, "test");
        TokenKey second = TokenKey.fromHex(KEY_A.toUpperCase(), "test");
        assertThat(first.id()).isEqualTo(second.id()).matches("[0-9a-f]{8}");
        assertThat(KEY_A).doesNotContain(first.id());
        assertThat(first.toString()).doesNotContain(KEY_A);
    }
}
