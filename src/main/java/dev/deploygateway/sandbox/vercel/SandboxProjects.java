package dev.deploygateway.sandbox.vercel;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/** Projects per owner; names are unique per owner (personal account or team), as on Vercel. */
@ApplicationScoped
class SandboxProjects {

    static final int MAX_PROJECTS = 2000;
    static final String NAME_RULE = "Project names can be up to 100 characters long and must be lowercase. They "
            + "can include letters, digits, and the following characters: '.', '_', '-'. However, they cannot "
            + "contain the sequence '---'.";
    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,100}");

    private final Map<String, SandboxProject> byId = new ConcurrentHashMap<>();

    static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("---");
    }

    Optional<SandboxProject> find(String ownerId, String idOrName) {
        SandboxProject byKey = byId.get(idOrName);
        if (byKey != null && byKey.ownerId.equals(ownerId)) {
            return Optional.of(byKey);
        }
        return byId.values().stream().filter(p -> p.ownerId.equals(ownerId) && p.name.equals(idOrName)).findFirst();
    }

    SandboxProject get(String ownerId, String idOrName) {
        return find(ownerId, idOrName).orElseThrow(() -> SandboxError.notFound("Project"));
    }

    /** Creates a project; 409 {@code conflict} when the owner already has one of that name. */
    synchronized SandboxProject create(String ownerId, String name, Map<String, Object> settings) {
        if (!validName(name)) {
            throw SandboxError.of(400, "bad_request", NAME_RULE);
        }
        if (find(ownerId, name).isPresent()) {
            throw SandboxError.of(409, "conflict", "Project \"" + name + "\" already exists.");
        }
        if (byId.size() >= MAX_PROJECTS) {
            throw SandboxError.of(400, "bad_request", "Sandbox project limit reached");
        }
        var project = new SandboxProject(SandboxIds.id("prj_"), name, ownerId, System.currentTimeMillis(), settings);
        byId.put(project.id, project);
        return project;
    }

    /** The owner's projects, newest first. */
    List<SandboxProject> list(String ownerId) {
        return byId.values().stream().filter(p -> p.ownerId.equals(ownerId))
                .sorted(Comparator.comparingLong((SandboxProject p) -> p.createdAt).reversed()).toList();
    }

    void delete(SandboxProject project) {
        byId.remove(project.id);
    }
}
