package dev.deploygateway.source;

import java.util.Optional;

/**
 * Where a project's source goes: the repository {@code name} in {@code owner}'s account (an organisation the user
 * chose; empty = the user's own account), whether a new repository is private, and the branch (empty = the
 * repository's default branch).
 */
public record RepositoryTarget(Optional<String> owner, String name, Visibility visibility, Optional<String> branch) {

    public RepositoryTarget {
        owner = owner == null ? Optional.empty() : owner.filter(o -> !o.isBlank());
        branch = branch == null ? Optional.empty() : branch.filter(b -> !b.isBlank());
        visibility = visibility == null ? Visibility.PRIVATE : visibility;
    }

    /** A private repository of this name in the user's own account, on its default branch. */
    public static RepositoryTarget privateRepository(String name) {
        return new RepositoryTarget(Optional.empty(), name, Visibility.PRIVATE, Optional.empty());
    }

    /** Whether a repository the gateway creates is private (the default) or public. */
    public enum Visibility {
        PRIVATE, PUBLIC
    }
}
