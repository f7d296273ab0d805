package dev.deploygateway.platform;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * A platform's rule for project names, checked locally (by the request validator and again by the SPI's defaults
 * before any call) so a name the platform would refuse never reaches it.
 *
 * @param description the rule in the platform's own words, shown to the user when a name breaks it
 * @param accepts whether a name keeps the rule; never given null
 */
public record ProjectNameRule(String description, Predicate<String> accepts) {

    /** The rule when {@code name} breaks it, empty when the name is well formed. */
    public Optional<String> problem(String name) {
        return name != null && accepts.test(name) ? Optional.empty() : Optional.of(description);
    }
}
