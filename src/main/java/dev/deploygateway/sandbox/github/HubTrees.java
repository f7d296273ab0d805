package dev.deploygateway.sandbox.github;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a tree the way {@code POST /git/trees} does: start from {@code base_tree} (or nothing), apply each entry at
 * its slash-separated path (creating directories, replacing what was there; a {@code null} sha with a base tree
 * deletes), write inline {@code content} as new blobs, then store every directory bottom-up as a git tree object.
 */
final class HubTrees {

    private static final Set<String> MODES = Set.of("100644", "100755", "040000", "160000", "120000");

    /** One entry of the request. */
    record Change(String path, String mode, String type, String sha, String content, boolean shaGiven) {
    }

    private final HubRepository repository;
    private int inlineEntries;

    HubTrees(HubRepository repository) {
        this.repository = repository;
    }

    int inlineEntries() {
        return inlineEntries;
    }

    /** A directory being built: subdirectories, or leaf entries (blobs, submodules, unexpanded subtrees). */
    private final class Dir {
        final Map<String, Object> children = new LinkedHashMap<>();

        Dir(List<HubGit.Entry> entries) {
            entries.forEach(e -> children.put(e.name(), e));
        }

        Dir child(String name) {
            Object existing = children.get(name);
            if (existing instanceof Dir dir) {
                return dir;
            }
            Dir dir = existing instanceof HubGit.Entry e && e.subtree() ? new Dir(read(e.sha())) : new Dir(List.of());
            children.put(name, dir);
            return dir;
        }

        String write() {
            var entries = new ArrayList<HubGit.Entry>();
            children.forEach((name, child) -> {
                if (child instanceof Dir dir) {
                    if (!dir.children.isEmpty()) {
                        entries.add(new HubGit.Entry(HubGit.TREE_MODE, name, dir.write()));
                    }
                } else {
                    entries.add((HubGit.Entry) child);
                }
            });
            return repository.put(HubGit.Kind.TREE, HubGit.treeBody(entries));
        }
    }

    String build(String baseTree, List<Change> changes) {
        Dir root = new Dir(baseTree == null ? List.of() : read(baseTree));
        for (Change change : changes) {
            apply(root, change, baseTree != null);
        }
        return root.write();
    }

    private void apply(Dir root, Change change, boolean hasBase) {
        String path = change.path();
        if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/")
                || List.of(path.split("/")).stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            throw HubError.unprocessable("tree.path contains a malformed path component");
        }
        if (change.mode() == null || !MODES.contains(change.mode())) {
            throw HubError.unprocessable("tree.mode must be one of 100644, 100755, 040000, 160000, 120000");
        }
        String type = switch (change.mode()) {
            case "040000" -> "tree";
            case "160000" -> "commit";
            default -> "blob";
        };
        if (change.type() != null && !change.type().equals(type)) {
            throw HubError.unprocessable("tree.type does not match tree.mode");
        }
        if (change.content() != null && change.shaGiven()) {
            throw HubError.unprocessable("tree.sha and tree.content cannot both be given");
        }
        String[] parts = path.split("/");
        Dir dir = root;
        for (int i = 0; i < parts.length - 1; i++) {
            dir = dir.child(parts[i]);
        }
        String name = parts[parts.length - 1];
        if (change.content() != null) {
            if (!"blob".equals(type)) {
                throw HubError.unprocessable("tree.content is only allowed for blobs");
            }
            inlineEntries++;
            String sha = repository.put(HubGit.Kind.BLOB, change.content().getBytes(StandardCharsets.UTF_8));
            dir.children.put(name, new HubGit.Entry(change.mode(), name, sha));
            return;
        }
        if (change.sha() == null) {
            if (!hasBase || !change.shaGiven()) {
                throw HubError.unprocessable("tree.sha or tree.content is required");
            }
            dir.children.remove(name);
            return;
        }
        HubGit.Kind kind = "tree".equals(type) ? HubGit.Kind.TREE : HubGit.Kind.BLOB;
        if (!"commit".equals(type) && repository.object(change.sha(), kind).isEmpty()) {
            throw HubError.unprocessable("GitRPC::BadObjectState: tree.sha " + change.sha() + " is not a valid "
                    + type);
        }
        String mode = "040000".equals(change.mode()) ? HubGit.TREE_MODE : change.mode();
        dir.children.put(name, new HubGit.Entry(mode, name, change.sha()));
    }

    private List<HubGit.Entry> read(String treeSha) {
        return repository.object(treeSha, HubGit.Kind.TREE).map(o -> HubGit.parseTree(o.body()))
                .orElseThrow(() -> HubError.unprocessable("base_tree " + treeSha + " is not a valid tree"));
    }
}
