package dev.deploygateway.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The canonical associated data of a {@code v2} ciphertext: six fields, each a 4-byte big-endian length
 * followed by that many UTF-8 bytes, in this order: format version ({@code "v2"}), key id, purpose, user id,
 * platform, field. Length prefixes make the encoding injective: no two different tuples give the same bytes
 * (a separator such as {@code ':'} would let {@code ("a:b","c")} collide with {@code ("a","b:c")}).
 * Binding the version and key id means a ciphertext cannot be relabelled as another version or key.
 */
final class AssociatedData {

    private static final byte[] VERSION = StoredToken.VERSION.getBytes(StandardCharsets.US_ASCII);

    private AssociatedData() {
    }

    static byte[] of(String keyId, TokenContext context) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        // TokenContext guarantees well-formed strings, so plain UTF-8 encoding is exact here.
        byte[] purpose = context.purpose().getBytes(StandardCharsets.UTF_8);
        byte[] user = context.userId().getBytes(StandardCharsets.UTF_8);
        byte[] platform = context.platform().getBytes(StandardCharsets.UTF_8);
        byte[] field = context.field().getBytes(StandardCharsets.UTF_8);
        int size = 6 * Integer.BYTES + VERSION.length + id.length + purpose.length + user.length + platform.length
                + field.length;
        return ByteBuffer.allocate(size) // big-endian by default
                .putInt(VERSION.length).put(VERSION)
                .putInt(id.length).put(id)
                .putInt(purpose.length).put(purpose)
                .putInt(user.length).put(user)
                .putInt(platform.length).put(platform)
                .putInt(field.length).put(field)
                .array();
    }
}
