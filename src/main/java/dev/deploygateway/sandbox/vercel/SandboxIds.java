package dev.deploygateway.sandbox.vercel;

import java.security.SecureRandom;

/** Random ids with Vercel's prefixes ({@code prj_}, {@code dpl_}, {@code team_}, ...). */
final class SandboxIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";

    private SandboxIds() {
    }

    static String id(String prefix) {
        return prefix + random(ALPHANUM, 24);
    }

    static String lower(int length) {
        return random(LOWER, length);
    }

    static String secret(String prefix) {
        return prefix + random(ALPHANUM, 40);
    }

    private static String random(String alphabet, int length) {
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
