package dev.deploygateway.source.github;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.deploygateway.source.RepositoryTarget;

/**
 * GitHub's naming rules, checked before anything is stored or sent. Repository: 1-100 letters, digits, '-', '_' or
 * '.', not {@code .} or {@code ..} and not ending in {@code .git} (GitHub silently turns other characters into '-',
 * which would push to a repository the user did not name, so they are refused instead). Owner: a GitHub login, 1-39
 * letters, digits and single hyphens, not at either end. Branch: what {@code git check-ref-format} accepts, kept to
 * letters, digits, '.', '_', '-' and '/' between non-empty parts.
 */
final class GitHubNames {

    static final String REPOSITORY_RULE = "A GitHub repository name is 1-100 letters, digits, '-', '_' or '.', and "
            + "is neither '.' nor '..' nor ends in '.git'";
    static final String OWNER_RULE = "A GitHub account or organisation is 1-39 letters, digits and single hyphens, "
            + "not starting or ending with a hyphen";
    static final String BRANCH_RULE = "A branch name is up to 100 letters, digits, '.', '_', '-' and '/' between "
            + "non-empty parts, without '..' and not ending in '.lock'";

    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)*");

    private GitHubNames() {
    }

    static Optional<String> problem(RepositoryTarget target) {
        String name = target.name();
        if (name == null || !REPOSITORY.matcher(name).matches() || name.equals(".") || name.equals("..")
                || name.toLowerCase(Locale.ROOT).endsWith(".git")) {
            return Optional.of(REPOSITORY_RULE);
        }
        if (target.owner().filter(o -> !OWNER.matcher(o).matches()).isPresent()) {
            return Optional.of(OWNER_RULE);
        }
        return target.branch().filter(b -> b.length() > 100 || !BRANCH.matcher(b).matches() || b.contains("..")
                || b.endsWith(".lock") || b.startsWith("-")).map(b -> BRANCH_RULE);
    }
}
