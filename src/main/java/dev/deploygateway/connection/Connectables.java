package dev.deploygateway.connection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.Platforms;
import dev.deploygateway.source.SourceHosts;

/**
 * Everything a user may connect in this build: the deployment platforms, then the source hosts; by id or by the key
 * in a route ({@code vercel}, {@code github}). An unknown key is 404 like any missing resource.
 */
@ApplicationScoped
public class Connectables {

    private final List<Connectable> all;

    Connectables(Platforms platforms, SourceHosts hosts) {
        var list = new ArrayList<Connectable>();
        platforms.all().forEach(p -> list.add(Connectable.of(p)));
        hosts.all().forEach(h -> list.add(Connectable.of(h)));
        this.all = List.copyOf(list);
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
