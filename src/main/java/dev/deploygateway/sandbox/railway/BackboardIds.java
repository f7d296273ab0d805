package dev.deploygateway.sandbox.railway;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/** Railway's ids are UUIDs; tokens are opaque random strings. */
final class BackboardIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private BackboardIds() {
    }

    static String uuid() {
        return UUID.randomUUID().toString();
    }

    static String secret(String prefix) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    static String label(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        var out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
