package dev.deploygateway.frontend;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs browser tests only where Debian's chromium and chromedriver are installed. Elsewhere they are skipped with a
 * message saying how to install them, unless {@code -Dbrowser.required=true} (CI) turns the absence into a failure.
 * Evaluated before Quarkus starts, so a skipped class costs nothing.
 */
public class ChromiumPresent implements ExecutionCondition {

    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
        }
        String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (apt-get install -y chromium chromium-driver)";
        if (Boolean.getBoolean("browser.required")) {
            throw new IllegalStateException(message + "; browser.required=true makes their absence a failure");
        }
        return ConditionEvaluationResult.disabled(message + "; skipped. Set -Dbrowser.required=true to fail instead.");
    }
}
