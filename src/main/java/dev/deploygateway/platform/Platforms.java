package dev.deploygateway.platform;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;

/** The platform beans present in this build, by id; an id without a bean is "unknown" (404). */
@ApplicationScoped
public class Platforms {

    private final List<DeploymentPlatform> all;

    Platforms(Instance<DeploymentPlatform> beans) {
        this.all = beans.stream().sorted(Comparator.comparing(DeploymentPlatform::id)).toList();
    }

    public List<DeploymentPlatform> all() {
        return all;
    }

    public Optional<DeploymentPlatform> find(PlatformId id) {
        return all.stream().filter(p -> p.id() == id).findFirst();
    }

    public DeploymentPlatform get(PlatformId id) {
        return find(id).orElseThrow(() -> unknown(id.key()));
    }

    /** Resolves a path segment such as {@code vercel}; anything unknown is 404 like any missing resource. */
    public DeploymentPlatform byKey(String key) {
        if (key != null && key.matches("[a-z]{1,32}")) {
            for (PlatformId id : PlatformId.values()) {
                if (id.key().equals(key)) {
                    return get(id);
                }
            }
        }
        throw unknown(key);
    }

    /** "Vercel" for {@code VERCEL}: the display name. */
    public static String displayName(PlatformId id) {
        String key = id.key();
        return key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
    }

    private static GatewayException unknown(String key) {
        return new GatewayException(ErrorCode.NOT_FOUND, "No platform named '"
                + (key == null ? "" : key.replaceAll("[^a-zA-Z0-9-]", "?")) + "'.");
    }
}
