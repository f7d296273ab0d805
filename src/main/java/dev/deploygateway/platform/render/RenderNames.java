package dev.deploygateway.platform.render;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.ProjectNameRule;

/**
 * The gateway's rules for what it sends Render, checked before anything is stored or sent. Render documents no rule
 * for service names (UNCONFIRMED) and derives the service's {@code *.onrender.com} subdomain from the name, so the
 * rule is a DNS label's: 1-63 lowercase letters, digits and hyphens, starting with a letter and not ending with a
 * hyphen (it is also a valid GitHub repository name, the default repository of the project). Service options must
 * be values of the document's enums for the service types the gateway creates.
 */
final class RenderNames {

    static final String RULE = "A Render service name is 1-63 lowercase letters, digits and hyphens, starts with a "
            + "letter and does not end with a hyphen";
    static final ProjectNameRule NAMING = new ProjectNameRule(RULE, RenderNames::valid);
    static final Set<String> TYPES = Set.of("static_site", "web_service");
    /** {@code serviceRuntime} without {@code docker} and {@code image}, which need sources the gateway never sends. */
    static final Set<String> RUNTIMES = Set.of("node", "python", "go", "ruby", "rust", "elixir");
    static final Set<String> REGIONS = Set.of("frankfurt", "oregon", "ohio", "singapore", "virginia");
    /** {@code paidPlan}: the document's plans for web services. */
    static final Set<String> PLANS = Set.of("starter", "standard", "pro", "pro_plus", "pro_max", "pro_ultra");

    private static final Pattern NAME = Pattern.compile("[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private RenderNames() {
    }

    static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static Optional<String> serviceProblem(DeploySpec.ServiceOptions options) {
        if (options.type().filter(t -> !TYPES.contains(t)).isPresent()) {
            return Optional.of("service.type must be one of " + sorted(TYPES));
        }
        if (options.runtime().filter(r -> !RUNTIMES.contains(r)).isPresent()) {
            return Optional.of("service.runtime must be one of " + sorted(RUNTIMES));
        }
        if (options.region().filter(r -> !REGIONS.contains(r)).isPresent()) {
            return Optional.of("service.region must be one of " + sorted(REGIONS));
        }
        if (options.plan().filter(p -> !PLANS.contains(p)).isPresent()) {
            return Optional.of("service.plan must be one of " + sorted(PLANS));
        }
        if (options.type().filter("static_site"::equals).isPresent()
                && (options.startCommand().isPresent() || options.runtime().isPresent()
                        || options.plan().isPresent())) {
            return Optional.of("a static_site has no startCommand, runtime or plan");
        }
        return Optional.empty();
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}
