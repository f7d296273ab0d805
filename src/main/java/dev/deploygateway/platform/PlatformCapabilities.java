package dev.deploygateway.platform;

import java.util.EnumSet;
import java.util.Set;

/** The named {@link Capability capabilities} a platform has; everything not listed it lacks. */
public record PlatformCapabilities(Set<Capability> all) {

    public PlatformCapabilities {
        all = all.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(all));
    }

    public static PlatformCapabilities of(Capability first, Capability... rest) {
        return new PlatformCapabilities(EnumSet.of(first, rest));
    }

    public boolean has(Capability capability) {
        return all.contains(capability);
    }
}
