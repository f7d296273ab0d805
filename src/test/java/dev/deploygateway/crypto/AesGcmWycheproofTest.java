package dev.deploygateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Wycheproof AES-GCM vectors (src/test/resources/crypto/aes_gcm_test.json, C2SP/wycheproof, Apache-2.0) for the
 * parameters the v2 format uses: 256-bit key, 96-bit IV, 128-bit tag. They run through {@link AesGcm}, the
 * primitive {@link TokenCipher} calls, with the vector's IV.
 */
class AesGcmWycheproofTest {

    private static final HexFormat HEX = HexFormat.of();

    record Vector(int tcId, String result, List<String> flags, byte[] key, byte[] iv, byte[] aad, byte[] msg,
            byte[] ct, byte[] tag) {

        byte[] ctAndTag() {
            byte[] out = new byte[ct.length + tag.length];
            System.arraycopy(ct, 0, out, 0, ct.length);
            System.arraycopy(tag, 0, out, ct.length, tag.length);
            return out;
        }
    }

    static List<Vector> vectors() throws IOException {
        try (InputStream in = AesGcmWycheproofTest.class.getResourceAsStream("/crypto/aes_gcm_test.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Vector> vectors = new ArrayList<>();
            for (JsonNode group : root.get("testGroups")) {
                if (group.get("keySize").asInt() != 256 || group.get("ivSize").asInt() != 96
                        || group.get("tagSize").asInt() != 128) {
                    continue;
                }
                for (JsonNode t : group.get("tests")) {
                    List<String> flags = new ArrayList<>();
                    t.get("flags").forEach(f -> flags.add(f.asText()));
                    vectors.add(new Vector(t.get("tcId").asInt(), t.get("result").asText(), flags,
                            hex(t, "key"), hex(t, "iv"), hex(t, "aad"), hex(t, "msg"), hex(t, "ct"), hex(t, "tag")));
                }
            }
            return vectors;
        }
    }

    private static byte[] hex(JsonNode test, String field) {
        return HEX.parseHex(test.get(field).asText());
    }

    @Test
    void theSelectedGroupHasTheDocumented66Vectors() throws IOException {
        List<Vector> vectors = vectors();
        assertThat(vectors).hasSize(66);
        assertThat(vectors).filteredOn(v -> v.result().equals("valid")).hasSize(39);
        assertThat(vectors).filteredOn(v -> v.result().equals("invalid")).hasSize(27);
    }

    @TestFactory
    Stream<DynamicTest> validVectorsEncryptToExactlyCiphertextAndTagAndDecryptBack() throws IOException {
        return vectors().stream().filter(v -> v.result().equals("valid")).map(v -> DynamicTest.dynamicTest(
                "tcId " + v.tcId() + " " + v.flags(), () -> {
                    SecretKeySpec key = new SecretKeySpec(v.key(), "AES");
                    byte[] sealed = AesGcm.seal(key, v.iv(), v.aad(), v.msg());
                    assertThat(sealed).isEqualTo(v.ctAndTag());
                    byte[] opened = AesGcm.open(key, v.iv(), 0, v.iv().length, v.aad(), sealed, 0, sealed.length);
                    assertThat(opened).isEqualTo(v.msg());
                }));
    }

    @TestFactory
    Stream<DynamicTest> invalidVectorsAreRejected() throws IOException {
        return vectors().stream().filter(v -> !v.result().equals("valid")).map(v -> DynamicTest.dynamicTest(
                "tcId " + v.tcId() + " " + v.flags(), () -> {
                    assertThat(v.result()).isEqualTo("invalid");
                    SecretKeySpec key = new SecretKeySpec(v.key(), "AES");
                    byte[] input = v.ctAndTag();
                    assertThatThrownBy(() -> AesGcm.open(key, v.iv(), 0, v.iv().length, v.aad(), input, 0,
                            input.length)).isInstanceOf(AEADBadTagException.class);
                }));
    }
}
