package dev.deploygateway.platform;

import java.util.Optional;

/**
 * The answer to "may I create a project with this name here?": {@code AVAILABLE}, {@code TAKEN} (by a project
 * the same account/team owns: it can be reused) or {@code INVALID} with the platform's naming rule.
 */
public record NameAvailability(Verdict verdict, String name, Optional<String> reason) {

    public static NameAvailability available(String name) {
        return new NameAvailability(Verdict.AVAILABLE, name, Optional.empty());
    }

    public static NameAvailability taken(String name) {
        return new NameAvailability(Verdict.TAKEN, name, Optional.empty());
    }

    public static NameAvailability invalid(String name, String rule) {
        return new NameAvailability(Verdict.INVALID, name, Optional.of(rule));
    }

    public enum Verdict {
        AVAILABLE, TAKEN, INVALID
    }
}
