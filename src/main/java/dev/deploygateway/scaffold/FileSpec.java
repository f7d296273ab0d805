package dev.deploygateway.scaffold;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * One file of the JSON files map of {@code POST /api/v1/deployments}: {@code {"content": "...", "encoding":
 * "utf-8" | "base64"}}. A missing encoding means {@code utf-8}.
 *
 * @param content the file's text, or its bytes in standard base64 (RFC 4648 §4, no line breaks)
 * @param encoding {@code utf-8} or {@code base64} (case-insensitive); null means {@code utf-8}
 */
public record FileSpec(String content, String encoding) {

    public static FileSpec utf8(String text) {
        return new FileSpec(text, "utf-8");
    }

    public static FileSpec base64(byte[] bytes) {
        return new FileSpec(Base64.getEncoder().encodeToString(bytes), "base64");
    }

    /**
     * The wire form of {@code bytes}: {@code utf-8} text when they are valid UTF-8 without NUL (so source files
     * stay readable in the JSON), otherwise {@code base64}.
     */
    public static FileSpec of(byte[] bytes) {
        if (isPlainText(bytes)) {
            return utf8(new String(bytes, StandardCharsets.UTF_8));
        }
        return base64(bytes);
    }

    private static boolean isPlainText(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** True when {@code encoding} is base64; false for utf-8. */
    boolean isBase64() throws IllegalArgumentException {
        if (encoding == null) {
            return false;
        }
        return switch (encoding.toLowerCase(Locale.ROOT)) {
            case "utf-8" -> false;
            case "base64" -> true;
            default -> throw new IllegalArgumentException("encoding must be \"utf-8\" or \"base64\"");
        };
    }

    /** The smallest number of bytes {@code content} can decode to, to refuse oversize files before decoding. */
    long minimumDecodedSize() {
        return isBase64() ? content.length() / 4 * 3 - 2L : content.length();
    }

    /**
     * The file's bytes. Base64 is decoded strictly (no whitespace, no URL alphabet); text must be valid Unicode
     * (a lone surrogate would otherwise silently become '?').
     *
     * @throws IllegalArgumentException with a message safe to show (it never quotes the content)
     */
    byte[] decode() {
        if (content == null) {
            throw new IllegalArgumentException("content is required");
        }
        if (isBase64()) {
            try {
                return Base64.getDecoder().decode(content);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("content is not valid base64");
            }
        }
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(content));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("content is not valid Unicode text (lone surrogate); send it as base64");
        }
    }

    @Override
    public String toString() {
        // Never print content: it may hold secrets the user pasted into a file.
        return "FileSpec[" + (content == null ? "no content" : content.length() + " chars") + ", " + encoding + "]";
    }
}
