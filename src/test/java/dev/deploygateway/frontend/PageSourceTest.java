package dev.deploygateway.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Static rules for the page's sources, checked without a browser: text never goes through an HTML parser, and
 * nothing is fetched from another origin (no CDN), so the page works offline and log text cannot become markup.
 */
class PageSourceTest {

    private static final Path ROOT = Path.of("src/main/resources/META-INF/resources");
    private static final Pattern HTML_SINKS = Pattern.compile(
            "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|createContextualFragment|DOMParser"
                    + "|\\beval\\(|new Function\\(");
    private static final Pattern REMOTE = Pattern
            .compile("(src|href)=\"(https?:)?//|import\\s[^;]*from\\s+'https?:|url\\((https?:)?//");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().matches(".*\\.(js|html|css)$")).sorted().toList();
        }
    }

    @Test
    void usesNoHtmlParsingSinks() throws IOException {
        List<Path> sources = sources();
        assertThat(sources).extracting(p -> p.getFileName().toString()).contains("index.html", "main.js",
                "log-view.js");
        for (Path file : sources) {
            assertThat(HTML_SINKS.matcher(Files.readString(file)).find()).as(file + " uses an HTML sink").isFalse();
        }
    }

    @Test
    void loadsNothingFromOtherOrigins() throws IOException {
        for (Path file : sources()) {
            assertThat(REMOTE.matcher(Files.readString(file)).find()).as(file + " loads a remote resource").isFalse();
        }
    }

    @Test
    void theRulesCatchViolations() {
        assertThat(HTML_SINKS.matcher("line.innerHTML = text;").find()).isTrue();
        assertThat(REMOTE.matcher("<script src=\"https://cdn.example/x.js\">").find()).isTrue();
        assertThat(REMOTE.matcher("<link href=\"//cdn.example/x.css\">").find()).isTrue();
        assertThat(REMOTE.matcher("<link href=\"/css/app.css\">").find()).isFalse();
    }
}
