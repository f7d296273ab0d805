package dev.deploygateway.crypto;

import java.util.HexFormat;

/** Strict hexadecimal, because the seed's Node decoder silently truncated at the first bad pair. */
final class Hex {

    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    static String encode(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    /** True when {@code s} is non-empty, of even length and only {@code [0-9a-f]}. */
    static boolean isLowerHex(CharSequence s, int from, int to) {
        if (to <= from || ((to - from) & 1) != 0) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Decodes a range already checked by {@link #isLowerHex}. */
    static byte[] decode(CharSequence s, int from, int to) {
        return LOWER.parseHex(s, from, to);
    }
}
