package dev.deploygateway.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key and its public id. The id is the first 4 bytes of
 * {@code HMAC-SHA256(key, "deploy-gateway key id")} in lower-case hex: stable across restarts and instances,
 * computable by an operator from the key alone, and revealing nothing about the key.
 */
public final class TokenKey {

    static final int ID_HEX_CHARS = 8;
    private static final byte[] ID_LABEL = "deploy-gateway key id".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey secretKey;
    private final String id;

    private TokenKey(byte[] raw) {
        this.secretKey = new SecretKeySpec(raw, "AES");
        this.id = deriveId(raw);
    }

    /**
     * Parses a key written as exactly 64 hexadecimal characters (either case). Unlike the seed, nothing is
     * trimmed, truncated or ignored.
     *
     * @param source how the operator knows this value, e.g. {@code TOKEN_ENCRYPTION_KEY}; used in the message
     * @throws IllegalArgumentException naming {@code source}, never quoting the value
     */
    public static TokenKey fromHex(String hex, String source) {
        Optional<String> problem = problemWith(hex, source);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        byte[] raw = new byte[AesGcm.KEY_BYTES];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) Integer.parseInt(hex, 2 * i, 2 * i + 2, 16);
        }
        try {
            return new TokenKey(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * What is wrong with a configured key, if anything, in words safe to log (the value is never quoted). Lets
     * startup validation list every problem at once.
     */
    public static Optional<String> problemWith(String hex, String source) {
        String fix = "; generate one with `openssl rand -hex 32`";
        if (hex == null || hex.isEmpty()) {
            return Optional.of(source + " is empty" + fix);
        }
        if (hex.length() != 2 * AesGcm.KEY_BYTES) {
            return Optional.of(source + " must be exactly 64 hexadecimal characters (32 bytes) but has "
                    + hex.length() + " characters" + fix);
        }
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return Optional.of(source + " must contain only hexadecimal characters [0-9a-fA-F]" + fix);
            }
        }
        return Optional.empty();
    }

    /** A fresh random key, for the ephemeral key outside prod and for tests. */
    public static TokenKey generate(SecureRandom random) {
        byte[] raw = new byte[AesGcm.KEY_BYTES];
        random.nextBytes(raw);
        try {
            return new TokenKey(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** The public key id: 8 lower-case hex characters. */
    public String id() {
        return id;
    }

    SecretKey secretKey() {
        return secretKey;
    }

    @Override
    public String toString() {
        return "TokenKey[id=" + id + "]";
    }

    private static String deriveId(byte[] raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(raw, "HmacSHA256"));
            byte[] digest = mac.doFinal(ID_LABEL);
            return Hex.encode(Arrays.copyOf(digest, ID_HEX_CHARS / 2));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable: " + e.getClass().getSimpleName());
        }
    }
}
