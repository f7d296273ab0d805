package dev.deploygateway.crypto;

import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The only place that calls JCE: AES-GCM with a 128-bit tag and an explicit IV. Package-private so the
 * Wycheproof vectors exercise exactly the code path {@link TokenCipher} uses.
 *
 * <p>A new {@link Cipher} per call: instances are not thread-safe, and SunJCE refuses to reuse one for a second
 * encryption with the same key and IV, so pooling would buy little and risk much.
 */
final class AesGcm {

    static final int TAG_BYTES = 16;
    static final int KEY_BYTES = 32;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private AesGcm() {
    }

    /** Returns {@code ciphertext ‖ tag}. */
    static byte[] seal(SecretKey key, byte[] iv, byte[] aad, byte[] plaintext) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
            if (aad.length > 0) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            // Only a broken JRE (no AES/GCM) or a wrong-size key get here; neither is about the data.
            throw new IllegalStateException("AES-GCM encryption unavailable: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Opens {@code input[offset, offset+length)} = {@code ciphertext ‖ tag} with the IV {@code iv[ivOffset,
     * ivOffset+ivLength)}; the ranges let callers decrypt straight out of the decoded envelope without copies.
     *
     * @throws AEADBadTagException when authentication fails or the input is shorter than a tag
     */
    static byte[] open(SecretKey key, byte[] iv, int ivOffset, int ivLength, byte[] aad,
            byte[] input, int offset, int length) throws AEADBadTagException {
        if (length < TAG_BYTES || ivLength < 1) {
            throw new AEADBadTagException("input shorter than tag");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BYTES * 8, iv, ivOffset, ivLength));
            if (aad.length > 0) {
                cipher.updateAAD(aad);
            }
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption unavailable: " + e.getClass().getSimpleName());
        }
    }
}
