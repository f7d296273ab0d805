package dev.deploygateway.platform;

import java.util.Map;

/**
 * How to deploy: to production or as a preview, with free-form metadata (e.g. the gateway's deployment id,
 * so a platform-side record can be traced back).
 */
public record DeploySpec(boolean production, Map<String, String> meta) {

    public DeploySpec {
        meta = Map.copyOf(meta);
    }

    public static DeploySpec toProduction() {
        return new DeploySpec(true, Map.of());
    }

    public static DeploySpec asPreview() {
        return new DeploySpec(false, Map.of());
    }
}
