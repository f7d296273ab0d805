package dev.deploygateway.scaffold;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One file of a {@link SourceBundle}: its normalised path, its exact bytes and their SHA-1 (40 lowercase hex
 * characters). The content array is copied on the way in and out, so a bundle can be shared between threads.
 */
public final class SourceFile {

    private final String path;
    private final byte[] content;
    private final String sha1;

    SourceFile(String path, byte[] content) {
        this.path = path;
        this.content = content.clone();
        this.sha1 = sha1Hex(this.content);
    }

    public String path() {
        return path;
    }

    /** A copy of the file's bytes. */
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    public String sha1() {
        return sha1;
    }

    /** SHA-1 of raw bytes as lowercase hex, the digest Vercel's {@code x-vercel-digest} expects. */
    public static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java runtime", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile other && path.equals(other.path) && Arrays.equals(content, other.content);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + sha1.hashCode();
    }

    @Override
    public String toString() {
        return "SourceFile[" + path + ", " + content.length + " bytes, sha1=" + sha1 + "]";
    }
}
