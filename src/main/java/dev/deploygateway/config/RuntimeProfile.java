package dev.deploygateway.config;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Whether demo-only features (the sandbox platforms, the demo sign-in, ephemeral keys) may exist. They exist in
 * every profile except {@code prod}; a jar started with {@code QUARKUS_PROFILE=demo} keeps them.
 */
@ApplicationScoped
public class RuntimeProfile {

    private final boolean prod;

    RuntimeProfile() {
        this(ConfigUtils.isProfileActive("prod"));
    }

    public RuntimeProfile(boolean prod) {
        this.prod = prod;
    }

    public boolean isProd() {
        return prod;
    }

    public boolean demoFeaturesEnabled() {
        return !prod;
    }
}
