package dev.deploygateway.crypto;

import static dev.deploygateway.crypto.CipherFixtures.ALICE_VERCEL_ACCESS;
import static dev.deploygateway.crypto.CipherFixtures.KEY_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** One shared SecureRandom, used from several threads at once, never repeats a 96-bit IV. */
class IvUniquenessTest {

    private static final int ENCRYPTIONS = 100_000;
    private static final int THREADS = 4;

    @Test
    void hundredThousandConcurrentEncryptionsHaveDistinctIvs() throws Exception {
        TokenCipher cipher = CipherFixtures.cipher(KEY_A);
        Set<ByteBuffer> ivs = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < ENCRYPTIONS / THREADS; i++) {
                        String stored = cipher.encrypt("same plaintext every time", ALICE_VERCEL_ACCESS);
                        ivs.add(ByteBuffer.wrap(ivOf(stored)));
                        if (i % 1000 == 0) {
                            assertThat(cipher.decrypt(stored, ALICE_VERCEL_ACCESS).plaintext())
                                    .isEqualTo("same plaintext every time");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(ivs).hasSize(ENCRYPTIONS);
    }

    /** The IV is the first 12 bytes of the base64url payload after {@code v2:<keyId>:}. */
    private static byte[] ivOf(String stored) {
        byte[] payload = Base64.getUrlDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
        byte[] iv = new byte[12];
        System.arraycopy(payload, 0, iv, 0, 12);
        return iv;
    }
}
