package dev.deploygateway.config;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether demo-only features (the sandbox platforms, the unauthenticated demo sign-in, ephemeral keys) may exist.
 * An allow-list, not "anything but prod": they exist only when one of the {@link #DEMO_PROFILES} is active, so a
 * custom profile such as {@code staging} gets none of them. A packaged jar started with
 * {@code QUARKUS_PROFILE=demo} (or {@code staging,demo}) keeps them. Every gate asks this class, or reads
 * {@value #DEMO_FEATURES_PROPERTY}, which {@link DemoFeaturesSource} derives from the same rule.
 */
@ApplicationScoped
public class RuntimeProfile {

    /** The profiles in which demo features exist. */
    public static final Set<String> DEMO_PROFILES = Set.of("dev", "test", "demo");
    /** The published decision, for code that must not import the gateway (the sandbox). */
    public static final String DEMO_FEATURES_PROPERTY = "gateway.demo-features.enabled";

    private final boolean demoFeatures;

    RuntimeProfile(@ConfigProperty(name = DEMO_FEATURES_PROPERTY) boolean demoFeatures) {
        this.demoFeatures = demoFeatures;
    }

    /**
     * The decision for these active profiles, for code and tests outside CDI. Named profiles rather than a
     * boolean, so a caller cannot invert the meaning ("prod?" versus "demo features?") by accident.
     */
    public static RuntimeProfile forProfiles(String... activeProfiles) {
        return new RuntimeProfile(allowsDemoFeatures(List.of(activeProfiles)));
    }

    /** The allow-list rule itself: true when any active profile is a demo profile. */
    public static boolean allowsDemoFeatures(Collection<String> activeProfiles) {
        return activeProfiles.stream().anyMatch(DEMO_PROFILES::contains);
    }

    public boolean demoFeaturesEnabled() {
        return demoFeatures;
    }
}
