package dev.deploygateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * The site link template holds a literal {@code {host}} placeholder inside a config expression; a brace there can
 * end the expression's default early ({@code {host}/} became {@code {host/}}, and every demo deployment then
 * failed with an illegal URI). Tests override the template, so this resolves the shipped defaults directly.
 */
class SiteUrlTemplateDefaultsTest {

    @Test
    void devOrDemoDefaultToTheSandboxSiteServerTemplate() throws IOException {
        // The sandbox's site server (its own port, so another origin than the gateway's), never /sandbox/** here.
        assertThat(resolve("dev", Map.of())).isEqualTo("http://localhost:8081/vercel/{host}/");
        assertThat(resolve("demo", Map.of())).isEqualTo("http://localhost:8081/vercel/{host}/");
    }

    @Test
    void prodDefaultsToTheHostItself() throws IOException {
        assertThat(resolve("prod", Map.of())).isEqualTo("https://{host}");
    }

    @Test
    void theVariableWinsInEveryProfile() throws IOException {
        for (String profile : new String[] { "dev", "prod" }) {
            assertThat(resolve(profile, Map.of("VERCEL_SITE_URL_TEMPLATE", "https://{host}/x/")))
                    .isEqualTo("https://{host}/x/");
        }
    }

    private static String resolve(String profile, Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(
                        Path.of("src/main/resources/application.properties").toUri().toURL(), 250))
                .withSources(new MapBackedConfigSource("env", environment, 300) {
                })
                .withSources(new MapBackedConfigSource("port", Map.of("quarkus.http.port", "8123"), 400) {
                })
                .build();
        return config.getValue("gateway.vercel.site-url-template", String.class);
    }
}
