package dev.deploygateway.sandbox.render;

import java.security.SecureRandom;

/** Render's ids: a type prefix and 20 lowercase letters and digits ({@code srv-…}, {@code dep-…}, {@code tea-…}).
 */
final class RndIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private RndIds() {
    }

    static String of(String prefix) {
        var out = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }

    static String key() {
        var out = new StringBuilder("rnd_");
        for (int i = 0; i < 32; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
