package dev.deploygateway.source;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import dev.deploygateway.scaffold.SourceBundle;
import dev.deploygateway.scaffold.SourceFile;

/**
 * Git object ids computed locally, so a push can tell which blobs a repository already has and whether a snapshot
 * changes anything at all before a single request is made. A blob's id is SHA-1 over {@code "blob <size>\0"} and
 * the bytes; a tree's over {@code "tree <size>\0"} and its entries ({@code "<mode> <name>\0"} + 20 id bytes) in
 * git's order, where a directory's name sorts as if it ended in {@code /}.
 */
public final class GitObjects {

    /** Every file of a bundle is a regular, non-executable blob: scaffolds carry no file modes. */
    public static final String FILE_MODE = "100644";
    private static final String DIRECTORY_MODE = "40000";

    private GitObjects() {
    }

    public static String blobId(byte[] content) {
        return id("blob", content);
    }

    /** The id of the root tree git would write for exactly these files. */
    public static String treeId(SourceBundle bundle) {
        var root = new Directory();
        for (SourceFile file : bundle.files()) {
            String[] segments = file.path().split("/");
            Directory at = root;
            for (int i = 0; i < segments.length - 1; i++) {
                at = at.subdirectories.computeIfAbsent(segments[i], s -> new Directory());
            }
            at.blobs.put(segments[segments.length - 1], blobId(file.content()));
        }
        return root.id();
    }

    /** A directory's blobs and subdirectories by name. */
    private static final class Directory {
        final Map<String, String> blobs = new TreeMap<>();
        final Map<String, Directory> subdirectories = new TreeMap<>();

        String id() {
            // Key: the byte string git compares; a directory's name carries a trailing slash there.
            var ordered = new TreeMap<byte[], byte[]>(Arrays::compareUnsigned);
            blobs.forEach((name, sha) -> ordered.put(utf8(name), entry(FILE_MODE, name, sha)));
            subdirectories.forEach((name, dir) -> ordered.put(utf8(name + "/"), entry(DIRECTORY_MODE, name,
                    dir.id())));
            var body = new ByteArrayOutputStream();
            ordered.values().forEach(body::writeBytes);
            return GitObjects.id("tree", body.toByteArray());
        }
    }

    private static byte[] entry(String mode, String name, String sha) {
        byte[] head = utf8(mode + " " + name + "\0");
        byte[] raw = HexFormat.of().parseHex(sha);
        byte[] entry = Arrays.copyOf(head, head.length + raw.length);
        System.arraycopy(raw, 0, entry, head.length, raw.length);
        return entry;
    }

    private static String id(String type, byte[] body) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(utf8(type + " " + body.length + "\0"));
            return HexFormat.of().formatHex(sha1.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java runtime", e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
