package dev.deploygateway.scaffold;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The environment variables a deployment may set: POSIX-portable names (every platform accepts them, and a
 * shell can export them), bounded sizes, no NUL (it ends a C string, so the value a process sees would differ
 * from what was sent), no duplicate names (which one would win differs per platform). Problems are reported
 * together as one 400 {@code VALIDATION_FAILED} with fields {@code env[i].key} / {@code env[i].value}; values
 * are never echoed.
 */
public final class EnvVarRules {

    public static final Pattern KEY = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    public static final int MAX_KEY_LENGTH = 256;
    public static final int MAX_VALUE_BYTES = 64 * 1024;
    public static final int MAX_VARIABLES = 200;

    private EnvVarRules() {
    }

    /**
     * Checks {@code vars}, reading each one's key and value through the given accessors (so any request or
     * platform type can be checked without a copy).
     *
     * @throws ScaffoldRejectedException listing every problem
     */
    public static <T> void check(List<T> vars, Function<T, String> key, Function<T, String> value) {
        if (vars == null || vars.isEmpty()) {
            return;
        }
        var errors = new ArrayList<FieldError>();
        if (vars.size() > MAX_VARIABLES) {
            errors.add(new FieldError("env", "at most " + MAX_VARIABLES + " variables are allowed"));
            throw reject(errors);
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < vars.size(); i++) {
            T v = vars.get(i);
            String field = "env[" + i + "]";
            if (v == null) {
                errors.add(new FieldError(field, "variable is missing"));
                continue;
            }
            String k = key.apply(v);
            String problem = keyProblem(k);
            if (problem != null) {
                errors.add(new FieldError(field + ".key", problem));
            } else if (!seen.add(k)) {
                errors.add(new FieldError(field + ".key", "duplicate variable name"));
            }
            String val = value.apply(v);
            if (val == null) {
                errors.add(new FieldError(field + ".value", "value is required (may be empty)"));
            } else if (val.indexOf('\0') >= 0) {
                errors.add(new FieldError(field + ".value", "value contains a NUL character"));
            } else if (val.length() > MAX_VALUE_BYTES
                    || val.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
                errors.add(new FieldError(field + ".value", "value is longer than " + MAX_VALUE_BYTES + " bytes"));
            }
        }
        if (!errors.isEmpty()) {
            throw reject(errors);
        }
    }

    private static String keyProblem(String k) {
        if (k == null || k.isEmpty()) {
            return "key is required";
        }
        if (k.length() > MAX_KEY_LENGTH) {
            return "key is longer than " + MAX_KEY_LENGTH + " characters";
        }
        if (!KEY.matcher(k).matches()) {
            return "key must match " + KEY.pattern() + " (letters, digits, underscore; not starting with a digit)";
        }
        return null;
    }

    private static ScaffoldRejectedException reject(List<FieldError> errors) {
        return ScaffoldRejectedException.invalid(
                "The environment variables were rejected: " + errors.size() + " problem(s)",
                errors.subList(0, Math.min(errors.size(), BundleAssembly.MAX_LISTED_ERRORS)));
    }
}
