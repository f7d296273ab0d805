package dev.deploygateway.platform.vercel;

import java.util.regex.Pattern;

import dev.deploygateway.platform.ProjectNameRule;

/** Vercel's project-name rule, checked before any call so a bad name never reaches the API. */
final class VercelNames {

    static final String RULE = "Project names can be up to 100 characters long and must be lowercase. They can "
            + "include letters, digits, and the following characters: '.', '_', '-'. However, they cannot contain "
            + "the sequence '---'.";
    static final ProjectNameRule NAMING = new ProjectNameRule(RULE, VercelNames::valid);
    private static final Pattern NAME = Pattern.compile("[a-z0-9._-]{1,100}");

    private VercelNames() {
    }

    static boolean valid(String name) {
        return name != null && NAME.matcher(name).matches() && !name.contains("---");
    }
}
