package dev.deploygateway.sandbox.github;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Git's own object format, so that every id the sandbox hands out is the one {@code git} computes for the same
 * content: an object's id is the SHA-1 of {@code "<type> <length>\0"} followed by its body; a tree body lists
 * {@code "<mode> <name>\0"} plus the entry's 20 raw id bytes, in git's order (names compared as bytes, a subtree's
 * name as if it ended in {@code /}); a commit body is git's header lines, a blank line and the message.
 */
final class HubGit {

    /** Git's raw mode of a subtree (the REST API shows it as {@code 040000}). */
    static final String TREE_MODE = "40000";

    private HubGit() {
    }

    enum Kind {
        BLOB, TREE, COMMIT;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** An object as git stores it (before compression). */
    record StoredObject(Kind kind, byte[] body) {
    }

    /** One line of a tree: raw mode ({@code 100644}, {@code 100755}, {@code 120000}, {@code 40000}), name, id. */
    record Entry(String mode, String name, String sha) {
        boolean subtree() {
            return TREE_MODE.equals(mode);
        }

        /** The mode as the REST API spells it. */
        String apiMode() {
            return subtree() ? "040000" : mode;
        }

        Kind kind() {
            return subtree() ? Kind.TREE : "160000".equals(mode) ? Kind.COMMIT : Kind.BLOB;
        }
    }

    /** An author or committer line: name, e-mail and time in UTC. */
    record Person(String name, String email, Instant when) {
        String line() {
            return name + " <" + email + "> " + when.getEpochSecond() + " +0000";
        }
    }

    /** The parts of a commit body the API shows. */
    record Commit(String tree, List<String> parents, Person author, Person committer, String message) {
    }

    static String id(Kind kind, byte[] body) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update((kind.wire() + " " + body.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by the JDK", e);
        }
    }

    static byte[] treeBody(List<Entry> entries) {
        var sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(HubGit::sortKey, Arrays::compareUnsigned));
        var out = new ByteArrayOutputStream();
        for (Entry e : sorted) {
            out.writeBytes((e.mode() + " " + e.name()).getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.writeBytes(HexFormat.of().parseHex(e.sha()));
        }
        return out.toByteArray();
    }

    private static byte[] sortKey(Entry e) {
        return (e.subtree() ? e.name() + "/" : e.name()).getBytes(StandardCharsets.UTF_8);
    }

    static List<Entry> parseTree(byte[] body) {
        var entries = new ArrayList<Entry>();
        int i = 0;
        while (i < body.length) {
            int space = indexOf(body, (byte) ' ', i);
            int nul = indexOf(body, (byte) 0, space);
            String mode = new String(body, i, space - i, StandardCharsets.US_ASCII);
            String name = new String(body, space + 1, nul - space - 1, StandardCharsets.UTF_8);
            String sha = HexFormat.of().formatHex(body, nul + 1, nul + 21);
            entries.add(new Entry(mode, name, sha));
            i = nul + 21;
        }
        return entries;
    }

    static byte[] commitBody(Commit commit) {
        var text = new StringBuilder("tree ").append(commit.tree()).append('\n');
        commit.parents().forEach(p -> text.append("parent ").append(p).append('\n'));
        text.append("author ").append(commit.author().line()).append('\n');
        text.append("committer ").append(commit.committer().line()).append('\n');
        text.append('\n').append(commit.message());
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static Commit parseCommit(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        int blank = text.indexOf("\n\n");
        String tree = null;
        List<String> parents = new ArrayList<>();
        Person author = null;
        Person committer = null;
        for (String line : text.substring(0, blank).split("\n")) {
            String value = line.substring(line.indexOf(' ') + 1);
            switch (line.substring(0, line.indexOf(' '))) {
                case "tree" -> tree = value;
                case "parent" -> parents.add(value);
                case "author" -> author = person(value);
                case "committer" -> committer = person(value);
                default -> {
                }
            }
        }
        return new Commit(tree, parents, author, committer, text.substring(blank + 2));
    }

    private static Person person(String value) {
        int lt = value.indexOf(" <");
        int gt = value.indexOf("> ", lt);
        String[] time = value.substring(gt + 2).split(" ");
        return new Person(value.substring(0, lt), value.substring(lt + 2, gt),
                Instant.ofEpochSecond(Long.parseLong(time[0])));
    }

    /** Whether {@code sha} looks like a full object id. */
    static boolean wellFormed(String sha) {
        return sha != null && sha.matches("[0-9a-f]{40}");
    }

    static Optional<String> ifWellFormed(String sha) {
        return Optional.ofNullable(sha).filter(HubGit::wellFormed);
    }

    private static int indexOf(byte[] body, byte wanted, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        throw new IllegalArgumentException("malformed git object");
    }
}
