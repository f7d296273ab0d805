package dev.deploygateway.crypto;

import java.util.Base64;

/**
 * The two shapes a stored token can have, parsed without any key. Parsing is strict: anything that is not
 * exactly one of these shapes is {@link TokenDecryptionException.Reason#MALFORMED}.
 *
 * <ul>
 * <li>current: {@code v2:<keyId>:<base64url(iv[12] ‖ ciphertext ‖ tag[16])>}, keyId = 8 lower-case hex,
 * base64url without padding;</li>
 * <li>legacy (the seed): {@code <hex iv>:<hex tag[16]>:<hex ciphertext>}, lower-case hex, no associated data.
 * The first part of a legacy value is hex, so it can never start with {@code v}: the two never collide.</li>
 * </ul>
 */
sealed interface StoredToken {

    String VERSION = "v2";
    String PREFIX = VERSION + ":";
    int IV_BYTES = 12;
    /** Bounds the work an attacker-supplied value can cause; real tokens are a few hundred characters. */
    int MAX_LENGTH = 256 * 1024;

    Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    Base64.Decoder BASE64_DECODER = Base64.getUrlDecoder();

    /** {@code payload} = iv ‖ ciphertext ‖ tag. */
    record Current(String keyId, byte[] payload) implements StoredToken {
    }

    record Legacy(byte[] iv, byte[] ciphertextAndTag) implements StoredToken {
    }

    static String format(String keyId, byte[] iv, byte[] ciphertextAndTag) {
        byte[] payload = new byte[iv.length + ciphertextAndTag.length];
        System.arraycopy(iv, 0, payload, 0, iv.length);
        System.arraycopy(ciphertextAndTag, 0, payload, iv.length, ciphertextAndTag.length);
        return PREFIX + keyId + ':' + BASE64.encodeToString(payload);
    }

    static StoredToken parse(String stored) {
        if (stored == null || stored.isEmpty() || stored.length() > MAX_LENGTH) {
            throw malformed();
        }
        if (stored.charAt(0) == 'v') {
            return parseCurrent(stored);
        }
        return parseLegacy(stored);
    }

    private static StoredToken parseCurrent(String stored) {
        int versionEnd = stored.indexOf(':');
        if (versionEnd < 0 || !stored.startsWith(PREFIX)) {
            throw new TokenDecryptionException(TokenDecryptionException.Reason.UNSUPPORTED_VERSION,
                    "stored token has an unsupported format version (this build reads " + VERSION + " and legacy)");
        }
        int idEnd = PREFIX.length() + TokenKey.ID_HEX_CHARS;
        if (stored.length() <= idEnd || stored.charAt(idEnd) != ':'
                || !Hex.isLowerHex(stored, PREFIX.length(), idEnd)) {
            throw malformed();
        }
        String body = stored.substring(idEnd + 1);
        if (!isCanonicalUnpaddedBase64Url(body)) {
            throw malformed();
        }
        byte[] payload;
        try {
            payload = BASE64_DECODER.decode(body);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
        if (payload.length < IV_BYTES + AesGcm.TAG_BYTES) {
            throw malformed();
        }
        return new Current(stored.substring(PREFIX.length(), idEnd), payload);
    }

    /**
     * Exactly one text per byte string: only the url-safe alphabet (no padding, no whitespace), a length the
     * encoder can produce, and zero unused bits in the last character (the JDK decoder ignores them).
     */
    private static boolean isCanonicalUnpaddedBase64Url(String body) {
        int length = body.length();
        if (length % 4 == 1) {
            return false;
        }
        int last = 0;
        for (int i = 0; i < length; i++) {
            char c = body.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                last = c - 'A';
            } else if (c >= 'a' && c <= 'z') {
                last = c - 'a' + 26;
            } else if (c >= '0' && c <= '9') {
                last = c - '0' + 52;
            } else if (c == '-') {
                last = 62;
            } else if (c == '_') {
                last = 63;
            } else {
                return false;
            }
        }
        int unusedBits = switch (length % 4) {
            case 2 -> 4;
            case 3 -> 2;
            default -> 0;
        };
        return (last & ((1 << unusedBits) - 1)) == 0;
    }

    private static StoredToken parseLegacy(String stored) {
        int first = stored.indexOf(':');
        int second = first < 0 ? -1 : stored.indexOf(':', first + 1);
        if (second < 0 || stored.indexOf(':', second + 1) >= 0) {
            throw malformed();
        }
        int end = stored.length();
        boolean ctOk = second + 1 == end || Hex.isLowerHex(stored, second + 1, end); // empty plaintext is legal
        if (!Hex.isLowerHex(stored, 0, first) || second - first - 1 != 2 * AesGcm.TAG_BYTES
                || !Hex.isLowerHex(stored, first + 1, second) || !ctOk) {
            throw malformed();
        }
        byte[] iv = Hex.decode(stored, 0, first);
        byte[] tag = Hex.decode(stored, first + 1, second);
        byte[] ct = Hex.decode(stored, second + 1, end);
        byte[] ctAndTag = new byte[ct.length + tag.length];
        System.arraycopy(ct, 0, ctAndTag, 0, ct.length);
        System.arraycopy(tag, 0, ctAndTag, ct.length, tag.length);
        return new Legacy(iv, ctAndTag);
    }

    private static TokenDecryptionException malformed() {
        return new TokenDecryptionException(TokenDecryptionException.Reason.MALFORMED,
                "stored token is malformed (neither the " + VERSION + " format nor the legacy iv:tag:ciphertext)");
    }
}
