package dev.deploygateway.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable values of the OAuth handshake: {@code state}, the PKCE verifier and its S256 challenge. */
final class Randomness {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Randomness() {
    }

    /** 256 random bits, base64url without padding (43 characters; RFC 7636 allows 43-128 for a verifier). */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {@code BASE64URL(SHA256(ASCII(verifier)))}, RFC 7636 §4.2. */
    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }

    /** Four lowercase letters or digits, for project-name suggestions. */
    static String suffix4() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var sb = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
