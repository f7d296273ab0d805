package dev.deploygateway.source;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.deploygateway.platform.PlatformId;

/** The source-host beans present in this build, by id, and the one a git-only platform's projects go to. */
@ApplicationScoped
public class SourceHosts {

    private final List<SourceHost> all;

    @Inject
    SourceHosts(Instance<SourceHost> beans) {
        this(beans.stream().toList());
    }

    private SourceHosts(List<SourceHost> hosts) {
        this.all = hosts.stream().sorted(Comparator.comparing(SourceHost::id)).toList();
    }

    /** No source hosts: for harnesses that run only platforms taking uploads. */
    public static SourceHosts none() {
        return new SourceHosts(List.of());
    }

    public List<SourceHost> all() {
        return all;
    }

    public Optional<SourceHost> find(PlatformId id) {
        return all.stream().filter(h -> h.id() == id).findFirst();
    }

    /**
     * Where the projects of a platform that builds only from git are pushed. GitHub for every such platform: it is
     * the one source host there is, and the one Render builds from without an image registry.
     */
    public Optional<SourceHost> forPlatform(PlatformId platform) {
        return find(PlatformId.GITHUB);
    }
}
