package dev.deploygateway.config;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Publishes the one decision whether demo-only features exist as the configuration value
 * {@value RuntimeProfile#DEMO_FEATURES_PROPERTY}, so that code which must not import the gateway (the sandbox
 * platforms, "the outside world") reads the same answer as {@link RuntimeProfile}. The value is derived from the
 * active profiles only ({@link RuntimeProfile#allowsDemoFeatures}); its ordinal is the highest possible, so no
 * environment variable or property file can switch the demo sign-in on in a profile outside the allow-list.
 */
public class DemoFeaturesSource implements ConfigSourceFactory {

    static final String NAME = "deploy-gateway-demo-features";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String enabled = Boolean.toString(RuntimeProfile.allowsDemoFeatures(context.getProfiles()));
        return List.of(new MapBackedConfigSource(NAME, Map.of(RuntimeProfile.DEMO_FEATURES_PROPERTY, enabled),
                Integer.MAX_VALUE) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(Integer.MAX_VALUE);
    }
}
