package dev.deploygateway.platform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.PlatformState;

/** Every deploy status of Render's document has a state; only terminal statuses are terminal; names are checked. */
class RenderStatesTest {

    @Test
    void everyDocumentedStatusMapsToAStateThatEndsOnlyIfTerminal() {
        Set<String> documented = new HashSet<>();
        RenderDocumentExamples.document().path("components").path("schemas").path("deployStatus").path("enum")
                .forEach(s -> documented.add(s.asText()));
        assertThat(documented).hasSize(11);
        assertThat(RenderStates.STATES.entries().keySet()).isEqualTo(documented);
        Set<String> terminal = Set.of("live", "deactivated", "build_failed", "update_failed", "pre_deploy_failed",
                "canceled");
        documented.forEach(s -> assertThat(RenderStates.map(s).orElseThrow().terminal()).as(s)
                .isEqualTo(terminal.contains(s)));
        assertThat(RenderStates.map("build_failed")).contains(PlatformState.FAILED);
        assertThat(RenderStates.map("canceled")).contains(PlatformState.CANCELED);
        assertThat(RenderStates.map("something_new")).isEmpty();
    }

    @Test
    void serviceSettingsFollowRendersRules() {
        assertThat(RenderNames.valid("my-site-2")).isTrue();
        for (String bad : new String[] { "My-Site", "-site", "site-", "2site", "a_b", "", "a".repeat(64) }) {
            assertThat(RenderNames.valid(bad)).as(bad).isFalse();
        }
        assertThat(RenderNames.serviceProblem(new DeploySpec.ServiceOptions(Optional.of("web_service"),
                Optional.of("npm start"), Optional.of("node"), Optional.of("starter"), Optional.of("frankfurt"))))
                .isEmpty();
        assertThat(RenderNames.serviceProblem(new DeploySpec.ServiceOptions(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("free"), Optional.empty())))
                .hasValueSatisfying(p -> assertThat(p).contains("service.plan"));
        assertThat(RenderNames.serviceProblem(new DeploySpec.ServiceOptions(Optional.of("cron_job"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))).isPresent();
        assertThat(RenderNames.serviceProblem(new DeploySpec.ServiceOptions(Optional.of("static_site"),
                Optional.of("npm start"), Optional.empty(), Optional.empty(), Optional.empty()))).isPresent();
    }
}
