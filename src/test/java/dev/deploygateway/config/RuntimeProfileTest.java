package dev.deploygateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Demo features are an allow-list of profiles, published so the sandbox can read the same decision. */
class RuntimeProfileTest {

    @Test
    void theDemoProfilesAllowDemoFeatures() {
        assertThat(RuntimeProfile.allowsDemoFeatures(List.of("dev"))).isTrue();
        assertThat(RuntimeProfile.allowsDemoFeatures(List.of("test"))).isTrue();
        assertThat(RuntimeProfile.allowsDemoFeatures(List.of("demo"))).isTrue();
        assertThat(RuntimeProfile.allowsDemoFeatures(List.of("staging", "demo"))).isTrue();
    }

    @Test
    void everyOtherProfileDoesNot() {
        assertThat(RuntimeProfile.allowsDemoFeatures(List.of("prod"))).isFalse();
        assertThat(RuntimeProfile.allowsDemoFeatures(List.of("staging"))).isFalse();
        assertThat(RuntimeProfile.allowsDemoFeatures(List.of("Demo"))).isFalse();
        assertThat(RuntimeProfile.allowsDemoFeatures(List.of())).isFalse();
    }

    @Test
    void aProfileObjectCarriesTheSameDecision() {
        assertThat(RuntimeProfile.forProfiles("demo").demoFeaturesEnabled()).isTrue();
        assertThat(RuntimeProfile.forProfiles("prod").demoFeaturesEnabled()).isFalse();
        assertThat(RuntimeProfile.forProfiles("staging").demoFeaturesEnabled()).isFalse();
    }

    @Test
    void thePublishedDecisionOverridesAnOutsideValueEitherWay() {
        SmallRyeConfig staging = config("staging", "true");
        assertThat(staging.getValue(RuntimeProfile.DEMO_FEATURES_PROPERTY, Boolean.class)).isFalse();
        SmallRyeConfig demo = config("demo", "false");
        assertThat(demo.getValue(RuntimeProfile.DEMO_FEATURES_PROPERTY, Boolean.class)).isTrue();
    }

    private static SmallRyeConfig config(String profile, String attemptedOverride) {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withDefaultValue(RuntimeProfile.DEMO_FEATURES_PROPERTY, attemptedOverride)
                .withSources(new PropertiesConfigSource(Map.of(RuntimeProfile.DEMO_FEATURES_PROPERTY,
                        attemptedOverride), "override", Integer.MAX_VALUE - 1))
                .withSources(new DemoFeaturesSource())
                .build();
    }
}
