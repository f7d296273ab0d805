package dev.deploygateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs tests only where the executables they drive are installed. Elsewhere they are skipped with a message saying
 * how to install them, unless {@code -D<required property>=true} (CI) turns the absence into a failure. Evaluated
 * before Quarkus starts, so a skipped class costs nothing. A subclass names the executables and the tests.
 */
public abstract class ExecutablesPresent implements ExecutionCondition {

    private final String names;
    private final String tests;
    private final String install;
    private final String requiredProperty;
    private final Path[] executables;

    /**
     * @param names the executables as the enabled message names them
     * @param tests what needs them, the start of the message
     * @param install the command that installs them
     * @param requiredProperty the system property that makes their absence a failure
     */
    protected ExecutablesPresent(String names, String tests, String install, String requiredProperty,
            Path... executables) {
        this.names = names;
        this.tests = tests;
        this.install = install;
        this.requiredProperty = requiredProperty;
        this.executables = executables;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Arrays.stream(executables).allMatch(Files::isExecutable)) {
            return ConditionEvaluationResult.enabled(names + " are installed");
        }
        String message = tests + " need "
                + Arrays.stream(executables).map(Path::toString).collect(Collectors.joining(" and "))
                + " (" + install + ")";
        if (Boolean.getBoolean(requiredProperty)) {
            throw new IllegalStateException(message + "; " + requiredProperty + "=true makes their absence a failure");
        }
        return ConditionEvaluationResult.disabled(message + "; skipped. Set -D" + requiredProperty
                + "=true to fail instead.");
    }
}
