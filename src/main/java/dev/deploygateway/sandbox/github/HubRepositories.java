package dev.deploygateway.sandbox.github;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every repository, and who may see and change it: public ones are readable by anyone, private ones only by their
 * owner, members of the owning organisation and the platform installation; only the owner and organisation members
 * write. A repository the caller may not see is 404, never 403, as on GitHub. Names follow GitHub's rule: letters,
 * digits, '-', '_' and '.', at most 100 characters; any other character becomes '-'.
 */
@ApplicationScoped
class HubRepositories {

    private static final Pattern INVALID = Pattern.compile("[^A-Za-z0-9._-]");

    private final Map<String, HubRepository> repositories = new ConcurrentHashMap<>();
    private final HubAccounts accounts;
    private final HubConfig config;

    HubRepositories(HubAccounts accounts, HubConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    /** Creates a repository; {@code autoInit} writes GitHub's initial README commit on {@code main}. */
    synchronized HubRepository create(HubAccounts.Owner owner, String requestedName, boolean privateRepository,
            String description, boolean autoInit, HubAccounts.User creator) {
        if (requestedName == null || requestedName.isBlank()) {
            throw HubError.validation("Repository", "name", "name is missing");
        }
        String name = INVALID.matcher(requestedName.trim()).replaceAll("-");
        if (name.length() > 100 || name.equals(".") || name.equals("..")) {
            throw HubError.validation("Repository", "name", "name is too long (maximum is 100 characters)");
        }
        if (repositories.containsKey(key(owner.login(), name))) {
            throw HubError.validation("Repository", "name", "name already exists on this account");
        }
        if (repositories.size() >= config.maxRepositories()) {
            throw HubError.unprocessable("Sandbox repository limit reached");
        }
        var repository = new HubRepository(accounts.nextId(), owner, name, privateRepository,
                description == null ? null : description, Instant.now());
        if (autoInit) {
            initialCommit(repository, creator);
        }
        repositories.put(key(owner.login(), name), repository);
        return repository;
    }

    private static void initialCommit(HubRepository repository, HubAccounts.User creator) {
        byte[] readme = ("# " + repository.name + "\n").getBytes(StandardCharsets.UTF_8);
        String blob = repository.put(HubGit.Kind.BLOB, readme);
        String tree = repository.put(HubGit.Kind.TREE, HubGit.treeBody(List.of(new HubGit.Entry("100644",
                "README.md", blob))));
        var person = new HubGit.Person(creator.name(), creator.email(), Instant.now());
        String commit = repository.put(HubGit.Kind.COMMIT, HubGit.commitBody(new HubGit.Commit(tree, List.of(),
                person, person, "Initial commit")));
        repository.createRef("refs/heads/" + repository.defaultBranch, commit);
    }

    /** The repository if the caller may see it, else 404. */
    HubRepository readable(HubCaller.Caller caller, String owner, String name) {
        return find(owner, name).filter(r -> canRead(caller, r)).orElseThrow(HubError::notFound);
    }

    /** The repository if the caller may write to it: 404 when invisible, 403 when only readable. */
    HubRepository writable(HubCaller.Caller caller, String owner, String name) {
        HubRepository repository = readable(caller, owner, name);
        if (!canWrite(caller, repository)) {
            throw HubError.forbidden();
        }
        return repository;
    }

    boolean canRead(HubCaller.Caller caller, HubRepository repository) {
        return !repository.privateRepository || caller.installation() || canWrite(caller, repository);
    }

    boolean canWrite(HubCaller.Caller caller, HubRepository repository) {
        return caller.user().map(user -> repository.owner.organization()
                ? accounts.member(user, repository.owner)
                : repository.owner.login().equalsIgnoreCase(user.login())).orElse(false);
    }

    Optional<HubRepository> find(String owner, String name) {
        return Optional.ofNullable(owner == null || name == null ? null : repositories.get(key(owner, name)));
    }

    List<HubRepository> ownedBy(String owner) {
        return repositories.values().stream().filter(r -> r.owner.login().equalsIgnoreCase(owner))
                .sorted(Comparator.comparing(r -> r.createdAt)).toList();
    }

    synchronized void delete(HubRepository repository) {
        repositories.remove(key(repository.owner.login(), repository.name));
    }

    private static String key(String owner, String name) {
        return (owner + "/" + name).toLowerCase(Locale.ROOT);
    }
}
