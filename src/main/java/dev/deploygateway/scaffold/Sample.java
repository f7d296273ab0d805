package dev.deploygateway.scaffold;

/**
 * A bundled sample project the demo and tests can deploy without writing one.
 *
 * @param name stable identifier, e.g. {@code static-site}
 * @param description one sentence for the front end's picker
 * @param bundle the files
 */
public record Sample(String name, String description, SourceBundle bundle) {
}
