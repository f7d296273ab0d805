package dev.deploygateway.platform;

/**
 * An environment variable for the project's builds and runtime. Sensitive values are stored write-only where
 * the platform supports it. {@link #toString()} never shows the value.
 */
public record EnvVar(String key, String value, boolean sensitive) {

    @Override
    public String toString() {
        return "EnvVar[" + key + "=***" + (sensitive ? ", sensitive" : "") + "]";
    }
}
