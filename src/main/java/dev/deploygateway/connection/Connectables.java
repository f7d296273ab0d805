package dev.deploygateway.connection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.Capability;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.Platforms;

/**
 * Everything a user may connect in this build: the deployment platforms, then the source hosts; by id or by the key
 * in a route ({@code vercel}, {@code github}). An unknown key is 404 like any missing resource.
 */
@ApplicationScoped
public class Connectables {

    private final List<Connectable> all;

    Connectables(Platforms platforms, Instance<Connectable> hosts) {
        var list = new ArrayList<Connectable>();
        platforms.all().forEach(p -> list.add(Connectable.of(p)));
        hosts.stream().sorted(Comparator.comparing(Connectable::id)).forEach(list::add);
        this.all = List.copyOf(list);
    }

    /** For a platform that builds only from git, the source hosts its projects can be pushed to. */
    public List<PlatformId> sourceHostsFor(Connectable platform) {
        if (platform.kind() != Connectable.Kind.PLATFORM || !platform.capabilities().has(Capability.GIT_SOURCE)) {
            return List.of();
        }
        return all.stream().filter(c -> c.kind() == Connectable.Kind.SOURCE_HOST).map(Connectable::id).toList();
    }

    public List<Connectable> all() {
        return all;
    }

    public Optional<Connectable> find(PlatformId id) {
        return all.stream().filter(c -> c.id() == id).findFirst();
    }

    public Connectable get(PlatformId id) {
        return find(id).orElseThrow(() -> unknown(id.key()));
    }

    public Connectable byKey(String key) {
        if (key != null && key.matches("[a-z]{1,32}")) {
            for (Connectable c : all) {
                if (c.id().key().equals(key)) {
                    return c;
                }
            }
        }
        throw unknown(key);
    }

    private static GatewayException unknown(String key) {
        return new GatewayException(ErrorCode.NOT_FOUND, "No platform named '"
                + (key == null ? "" : key.replaceAll("[^a-zA-Z0-9-]", "?")) + "'.");
    }
}
