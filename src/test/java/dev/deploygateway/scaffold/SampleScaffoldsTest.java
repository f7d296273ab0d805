package dev.deploygateway.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;

/** The bundled samples load from their manifest and pass the same intake rules as any upload. */
class SampleScaffoldsTest {

    final SampleScaffolds samples = new SampleScaffolds();

    @Test
    void theStaticSiteSampleCarriesATitleStylesImagesWithANonAsciiName() {
        SourceBundle site = samples.find("static-site").orElseThrow().bundle();
        assertThat(site.files()).extracting(SourceFile::path).contains("index.html", "styles/site.css",
                "images/logo.svg", "images/favicon.png", "\u00fcber-uns.html");
        assertThat(new String(site.file("index.html").orElseThrow().content(), StandardCharsets.UTF_8))
                .contains("<title>Deployed with Deploy Gateway</title>", "<h1>Deployed with Deploy Gateway</h1>");
        byte[] png = site.file("images/favicon.png").orElseThrow().content();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    }

    @Test
    void theNodeAppSampleHasExactlyTheFilesANodeHostNeeds() {
        SourceBundle app = samples.find("node-app").orElseThrow().bundle();
        assertThat(app.files()).extracting(SourceFile::path)
                .containsExactly("README.md", "package.json", "public/index.html", "scripts/build.js", "server.js");
        // Static hosts (and the sandboxes, which run no build) serve public/ as it is: the page must be there.
        assertThat(new String(app.file("public/index.html").orElseThrow().content(), StandardCharsets.UTF_8))
                .contains("<h1>Hello from the Deploy Gateway Node sample</h1>");
        assertThat(new String(app.file("package.json").orElseThrow().content(), StandardCharsets.UTF_8))
                .contains("\"build\": \"node scripts/build.js\"", "\"start\": \"node server.js\"");
    }

    @Test
    void everySampleRoundTripsThroughTheJsonIntake() {
        assertThat(samples.list()).extracting(Sample::name).containsExactly("static-site", "node-app");
        var reader = new ScaffoldReader(ScaffoldLimits.defaults());
        for (Sample sample : samples.list()) {
            var files = new LinkedHashMap<String, FileSpec>();
            sample.bundle().files().forEach(f -> files.put(f.path(), FileSpec.of(f.content())));
            assertThat(reader.fromJson(files)).as(sample.name()).isEqualTo(sample.bundle());
        }
    }

    @Test
    void filesAreSentAsUtf8TextUnlessBinary() {
        assertThat(FileSpec.of("h\u00e9".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(new FileSpec("h\u00e9", "utf-8"));
        assertThat(FileSpec.of(new byte[] { (byte) 0xff, 0 })).isEqualTo(new FileSpec("/wA=", "base64"));
        assertThat(FileSpec.of(new byte[] { 'a', 0 })).extracting(FileSpec::encoding).isEqualTo("base64");
    }
}
