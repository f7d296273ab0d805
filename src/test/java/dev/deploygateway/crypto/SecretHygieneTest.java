package dev.deploygateway.crypto;

import static dev.deploygateway.crypto.CipherFixtures.ALICE_VERCEL_ACCESS;
import static dev.deploygateway.crypto.CipherFixtures.KEY_A;
import static dev.deploygateway.crypto.CipherFixtures.KEY_B;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Failure messages never carry the plaintext, key material or the ciphertext. */
class SecretHygieneTest {

    private static final String PLAINTEXT = "gho_SuperSecretPlatformToken42";

    @Test
    void decryptionFailuresDoNotQuoteSecrets() {
        TokenCipher writer = CipherFixtures.cipher(KEY_A);
        TokenCipher otherKey = CipherFixtures.cipher(KEY_B);
        TokenCipher rotated = CipherFixtures.cipher(KEY_B, KEY_A);
        String stored = writer.encrypt(PLAINTEXT, ALICE_VERCEL_ACCESS);
        String body = stored.substring(12);

        List<Runnable> failures = List.of(
                () -> otherKey.decrypt(stored, ALICE_VERCEL_ACCESS), // unknown key
                () -> writer.decrypt(stored, TokenContext.platformToken("bob", "vercel", "access")), // context
                () -> rotated.decrypt("v2:" + KEY_B.substring(0, 8) + stored.substring(11), ALICE_VERCEL_ACCESS),
                () -> writer.decrypt(stored.substring(0, stored.length() - 3), ALICE_VERCEL_ACCESS), // truncated
                () -> writer.decrypt(stored.substring(0, 20) + "!" + stored.substring(21), ALICE_VERCEL_ACCESS),
                () -> writer.decrypt("v9:" + body, ALICE_VERCEL_ACCESS),
                () -> writer.decrypt("00" + ":" + KEY_A.substring(0, 32) + ":" + KEY_A, ALICE_VERCEL_ACCESS));
        List<String> messages = new ArrayList<>();
        for (Runnable failure : failures) {
            try {
                failure.run();
                throw new AssertionError("expected a failure");
            } catch (TokenDecryptionException e) {
                messages.add(e.getMessage());
                assertThat(e).hasNoCause();
            }
        }
        assertThat(messages).hasSize(failures.size()).allSatisfy(message -> assertThat(message)
                .isNotBlank()
                .doesNotContain(PLAINTEXT)
                .doesNotContain(KEY_A).doesNotContain(KEY_B)
                .doesNotContain(KEY_A.substring(0, 16)).doesNotContain(KEY_B.substring(0, 16))
                .doesNotContain(stored).doesNotContain(body).doesNotContain(body.substring(0, 16)));
    }

    @Test
    void invalidKeyMessagesNameTheVariableButNeverEchoTheValue() {
        String almost = KEY_A + "0"; // 65 characters: the seed accepted this
        String nonHex = KEY_A.substring(0, 63) + "g";
        String padded = " " + KEY_A.substring(1);
        for (String bad : List.of(almost, nonHex, padded, KEY_A.substring(2))) {
            Optional<String> problem = TokenKey.problemWith(bad, "TOKEN_ENCRYPTION_KEY");
            assertThat(problem).hasValueSatisfying(message -> assertThat(message)
                    .contains("TOKEN_ENCRYPTION_KEY")
                    .doesNotContain(bad.strip())
                    .doesNotContain(KEY_A.substring(2, 18)));
        }
    }

    @Test
    void valuesThatHoldSecretsDoNotPrintThem() {
        assertThat(new Decrypted(PLAINTEXT, false).toString()).doesNotContain(PLAINTEXT);
        TokenCipher cipher = CipherFixtures.cipher(KEY_A, KEY_B);
        assertThat(cipher.keyRing().toString()).doesNotContain(KEY_A).doesNotContain(KEY_B);
    }
}
