package dev.deploygateway.scaffold;

/**
 * What to do with an archive whose files all sit inside one top-level folder, as GitHub's "Download ZIP"
 * ({@code repo-main/...}) and "zip the project folder" produce.
 */
public enum RootFolder {
    /** Remove that single folder, so {@code my-app/package.json} becomes {@code package.json} (the default). */
    STRIP_SINGLE,
    /** Keep paths exactly as they are in the archive. */
    KEEP
}
