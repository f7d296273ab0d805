package dev.deploygateway.crypto;

import java.util.List;

/** Keys and contexts shared by the crypto tests. Test-only keys. */
final class CipherFixtures {

    static final String KEY_A = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    static final String KEY_B = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";
    static final String KEY_C = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    static final TokenContext ALICE_VERCEL_ACCESS = TokenContext.platformToken("alice", "vercel", "access");

    private CipherFixtures() {
    }

    static TokenCipher cipher(String currentHex, String... previousHex) {
        return new TokenCipher(KeyRing.fromHex(currentHex, List.of(previousHex)));
    }
}
