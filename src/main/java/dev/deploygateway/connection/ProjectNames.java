package dev.deploygateway.connection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.platform.NameAvailability;
import dev.deploygateway.platform.PlatformCredential;
import io.smallrye.mutiny.Uni;

/**
 * "Can I deploy under this name?" A name the platform has no project for is available; so is the name of a project
 * the caller's account or team already has (the platforms' {@code TAKEN}), because deploying reuses that project:
 * it is answered {@code existing}, with up to three checked fresh names for a caller who wanted a new project. An
 * invalid name is not available and carries the platform's rule in words.
 */
public final class ProjectNames {

    static final int MAX_SUGGESTIONS = 3;

    private ProjectNames() {
    }

    /**
     * The answer of {@code GET /platforms/{p}/names/{name}}.
     *
     * @param available whether a deployment under this name is accepted (a new project, or the existing one)
     * @param existing whether the caller already has a project of this name, which a deployment adds to
     */
    public record Verdict(String name, boolean available, boolean existing, Optional<String> reason,
            List<String> suggestions) {
    }

    static Uni<Verdict> check(DeploymentPlatform platform, PlatformCredential credential, String name) {
        return platform.checkProjectName(credential, name).chain(answer -> {
            if (answer.verdict() == NameAvailability.Verdict.AVAILABLE) {
                return Uni.createFrom().item(new Verdict(name, true, false, Optional.empty(), List.of()));
            }
            if (answer.verdict() == NameAvailability.Verdict.INVALID) {
                return Uni.createFrom().item(new Verdict(name, false, false, answer.reason(), List.of()));
            }
            Optional<String> reason = Optional.of("is a project you already have: deploying adds to it");
            List<Uni<Optional<String>>> probes = new ArrayList<>();
            for (String candidate : candidates(name)) {
                probes.add(platform.checkProjectName(credential, candidate)
                        .map(a -> a.verdict() == NameAvailability.Verdict.AVAILABLE ? Optional.of(candidate)
                                : Optional.<String>empty())
                        .onFailure().recoverWithItem(Optional.empty()));
            }
            return Uni.join().all(probes).andCollectFailures().map(found -> new Verdict(name, true, true, reason,
                    found.stream().flatMap(Optional::stream).limit(MAX_SUGGESTIONS).toList()));
        });
    }

    /** {@code name-2}, {@code name-3}, then {@code name-<4 random>} twice; trimmed to Vercel's 100 characters. */
    static List<String> candidates(String name) {
        var out = new LinkedHashSet<String>();
        String base = name.length() > 90 ? name.substring(0, 90) : name;
        out.add(base + "-2");
        out.add(base + "-3");
        out.add(base + "-" + Randomness.suffix4());
        out.add(base + "-" + Randomness.suffix4());
        return List.copyOf(out);
    }
}
