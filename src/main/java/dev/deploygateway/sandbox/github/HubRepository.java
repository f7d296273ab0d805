package dev.deploygateway.sandbox.github;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One repository: its metadata, its git objects (by their real ids) and its refs. A repository created without
 * {@code auto_init} has no commit and no ref: GitHub's Git Data API refuses it ({@link #empty()}). Ref updates are
 * compare-and-set under the repository's lock, so of two pushes racing on one branch exactly one wins.
 */
final class HubRepository {

    final long id;
    final HubAccounts.Owner owner;
    final String name;
    final Instant createdAt;
    final String defaultBranch = "main";
    volatile boolean privateRepository;
    volatile String description;
    volatile Instant updatedAt;
    volatile Instant pushedAt;
    private final Map<String, HubGit.StoredObject> objects = new ConcurrentHashMap<>();
    private final Map<String, String> refs = new LinkedHashMap<>();

    HubRepository(long id, HubAccounts.Owner owner, String name, boolean privateRepository, String description,
            Instant now) {
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.privateRepository = privateRepository;
        this.description = description;
        this.createdAt = now;
        this.updatedAt = now;
        this.pushedAt = now;
    }

    String fullName() {
        return owner.login() + "/" + name;
    }

    /** Stores an object and answers its id (git's). */
    String put(HubGit.Kind kind, byte[] body) {
        String sha = HubGit.id(kind, body);
        objects.putIfAbsent(sha, new HubGit.StoredObject(kind, body));
        return sha;
    }

    Optional<HubGit.StoredObject> object(String sha) {
        return Optional.ofNullable(sha == null ? null : objects.get(sha));
    }

    Optional<HubGit.StoredObject> object(String sha, HubGit.Kind kind) {
        return object(sha).filter(o -> o.kind() == kind);
    }

    synchronized boolean empty() {
        return refs.isEmpty();
    }

    synchronized Optional<String> ref(String fullRef) {
        return Optional.ofNullable(refs.get(fullRef));
    }

    synchronized Map<String, String> refs() {
        return Map.copyOf(refs);
    }

    /** Creates a ref; false when it exists already. */
    synchronized boolean createRef(String fullRef, String sha) {
        if (refs.containsKey(fullRef)) {
            return false;
        }
        refs.put(fullRef, sha);
        pushedAt = Instant.now();
        return true;
    }

    /** Outcome of a ref update. */
    enum Update {
        UPDATED, MISSING, NOT_FAST_FORWARD
    }

    /** Moves a ref; without {@code force} only to a descendant of where it points now. */
    synchronized Update updateRef(String fullRef, String sha, boolean force) {
        String current = refs.get(fullRef);
        if (current == null) {
            return Update.MISSING;
        }
        if (!force && !current.equals(sha) && !descendsFrom(sha, current)) {
            return Update.NOT_FAST_FORWARD;
        }
        refs.put(fullRef, sha);
        pushedAt = Instant.now();
        return Update.UPDATED;
    }

    synchronized boolean deleteRef(String fullRef) {
        return refs.remove(fullRef) != null;
    }

    /** Whether commit {@code sha} has {@code ancestor} among its ancestors. */
    boolean descendsFrom(String sha, String ancestor) {
        var queue = new ArrayDeque<String>();
        Set<String> seen = new HashSet<>();
        queue.add(sha);
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (next.equals(ancestor) && !next.equals(sha)) {
                return true;
            }
            object(next, HubGit.Kind.COMMIT).ifPresent(c -> queue.addAll(HubGit.parseCommit(c.body()).parents()));
        }
        return false;
    }

    /** Bytes of all blobs, roughly the repository's size in KB as GitHub reports it. */
    long sizeKb() {
        return objects.values().stream().mapToLong(o -> o.body().length).sum() / 1024;
    }
}
