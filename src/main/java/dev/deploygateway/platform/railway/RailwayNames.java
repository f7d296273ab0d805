package dev.deploygateway.platform.railway;

import java.util.regex.Pattern;

import dev.deploygateway.platform.ProjectNameRule;

/**
 * The gateway's rule for Railway project names, checked before anything is stored or sent. Railway's schema types
 * {@code ProjectCreateInput.name} as a plain optional {@code String} and its docs state no rule (names are free
 * text and not unique), so the rule is the gateway's own, chosen to be safe wherever the name travels (dashboard,
 * logs, the derived service name): 1-64 characters of letters, digits, spaces, '.', '_' or '-', beginning with a
 * letter or digit. That refuses control characters (CR/LF), path-like names ({@code ../etc}) and names with nothing
 * to derive the service name from. The service gets {@link RailwayProjects#serviceName} of it (Railway's documented
 * limit: 32 characters).
 */
final class RailwayNames {

    static final int MAX_LENGTH = 64;
    static final String RULE = "A Railway project name is 1-" + MAX_LENGTH + " characters of letters, digits, "
            + "spaces, '.', '_' or '-', and begins with a letter or digit";
    static final ProjectNameRule NAMING = new ProjectNameRule(RULE, RailwayNames::valid);
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]{0," + (MAX_LENGTH - 1) + "}");

    private RailwayNames() {
    }

    static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
