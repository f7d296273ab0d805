package dev.deploygateway.source;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.deploygateway.platform.PlatformId;

/** The source-host beans present in this build, by id. */
@ApplicationScoped
public class SourceHosts {

    private final List<SourceHost> all;

    SourceHosts(Instance<SourceHost> beans) {
        this.all = beans.stream().sorted(Comparator.comparing(SourceHost::id)).toList();
    }

    public List<SourceHost> all() {
        return all;
    }

    public Optional<SourceHost> find(PlatformId id) {
        return all.stream().filter(h -> h.id() == id).findFirst();
    }
}
