package dev.deploygateway.frontend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import dev.deploygateway.sandbox.NodeScripts;

/**
 * axe-core (pinned in {@code src/test/node/conformance}, installed from npm with the conformance drivers) run in the
 * page at hand with its default rules, WCAG 2 A/AA included (colour contrast, names, roles, landmarks). The script
 * is evaluated through WebDriver, which the page's Content-Security-Policy does not govern, so the page itself
 * needs no exception for it. Returns the violations as text (rule, impact, the elements it found); empty when
 * clean.
 */
final class AccessibilityCheck {

    private static final String AXE = "axe-core/axe.min.js";

    private AccessibilityCheck() {
    }

    @SuppressWarnings("unchecked")
    static List<String> violations(HeadlessChromium browser) {
        String source;
        try {
            source = Files.readString(NodeScripts.module(AXE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        browser.script(source);
        List<Map<String, Object>> found = (List<Map<String, Object>>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact,
                    targets: v.nodes.map((n) => n.target.join(' ') + ': ' + n.failureSummary).join(' | ') }))))
                  .catch((e) => done([{ id: 'axe-error', impact: 'critical', targets: String(e) }]));""");
        return found.stream().map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("targets")).toList();
    }
}
