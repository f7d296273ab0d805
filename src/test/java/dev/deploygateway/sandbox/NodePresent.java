package dev.deploygateway.sandbox;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the conformance tests that drive the platforms' own npm packages only where {@code node} is installed;
 * elsewhere they are skipped with a message, unless {@code -Dnode.required=true} (or CI's
 * {@code -Dbrowser.required=true}, which asks for every optional runtime) turns its absence into a failure.
 * Evaluated before Quarkus starts, so a skipped class costs nothing.
 */
public class NodePresent implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (NodeScripts.node().isPresent()) {
            return ConditionEvaluationResult.enabled("node is installed");
        }
        String message = "Conformance tests need Node 20+ with npm on the PATH (apt-get install -y nodejs npm)";
        if (Boolean.getBoolean("node.required") || Boolean.getBoolean("browser.required")) {
            throw new IllegalStateException(message + "; node.required/browser.required makes its absence a failure");
        }
        return ConditionEvaluationResult.disabled(message + "; skipped. Set -Dnode.required=true to fail instead.");
    }
}
