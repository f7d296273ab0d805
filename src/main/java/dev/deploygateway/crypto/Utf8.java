package dev.deploygateway.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8: Java's lenient String/byte conversions replace bad input with '?' or U+FFFD silently. */
final class Utf8 {

    private Utf8() {
    }

    /** True when every surrogate is part of a pair, i.e. the string has exactly one UTF-8 encoding. */
    static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** UTF-8 bytes of a well-formed string; rejects strings that would be altered by encoding. */
    static byte[] encode(String s, String what) {
        if (!isWellFormed(s)) {
            throw new IllegalArgumentException(what + " contains an unpaired surrogate");
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes, or empty when the bytes are not valid UTF-8. */
    static Optional<String> decode(byte[] bytes) {
        if (isAscii(bytes)) {
            // Tokens are nearly always ASCII: skip the decoder allocation, every ASCII byte is valid UTF-8.
            return Optional.of(new String(bytes, StandardCharsets.US_ASCII));
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
