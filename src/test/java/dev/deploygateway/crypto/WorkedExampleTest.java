package dev.deploygateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/token-encryption.md, reproduced by our code. The expected values were computed
 * independently with Node's crypto module (the snippet in the doc), and the test also checks the doc still shows
 * them, so the document and the code cannot drift apart.
 */
class WorkedExampleTest {

    static final String KEY = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";
    static final String IV = "cafebabefacedbaddecaf888";
    static final TokenContext CONTEXT = TokenContext.platformToken("user-42", "vercel", "access");
    static final String PLAINTEXT = "vercel_example_token_123";
    static final String KEY_ID = "125efe3d";
    static final String AAD = "0000000276320000000831323565666533640000000e706c6174666f726d2d746f6b656e"
            + "00000007757365722d34320000000676657263656c00000006616363657373";
    static final String STORED = "v2:125efe3d:yv66vvrO263eyviI0UKaE4oqjh7u_xcLu52QtGiBRaBKfQgkhJnX3BoA_5_hxDa6u3Gc0w";

    private final TokenCipher cipher = new TokenCipher(KeyRing.fromHex(KEY, List.of()));

    @Test
    void keyIdMatches() {
        assertThat(cipher.keyRing().current().id()).isEqualTo(KEY_ID);
    }

    @Test
    void associatedDataMatches() {
        assertThat(HexFormat.of().formatHex(AssociatedData.of(KEY_ID, CONTEXT))).isEqualTo(AAD);
    }

    @Test
    void encryptingWithTheFixedIvGivesTheDocumentedValue() {
        assertThat(cipher.encryptWithIv(PLAINTEXT, CONTEXT, HexFormat.of().parseHex(IV))).isEqualTo(STORED);
    }

    @Test
    void theDocumentedValueDecrypts() {
        Decrypted decrypted = cipher.decrypt(STORED, CONTEXT);
        assertThat(decrypted.plaintext()).isEqualTo(PLAINTEXT);
        assertThat(decrypted.needsRewrap()).isFalse();
    }

    @Test
    void theDocumentShowsTheseExactValues() throws IOException {
        String doc = Files.readString(Path.of("docs", "token-encryption.md"));
        assertThat(doc).contains(KEY, IV, KEY_ID, AAD, STORED, PLAINTEXT, "user-42");
    }
}
