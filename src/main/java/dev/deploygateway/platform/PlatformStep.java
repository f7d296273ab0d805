package dev.deploygateway.platform;

/**
 * The one step vocabulary of a deployment (and of a connection's platform calls): the {@code step} of status
 * events, of the record and of errors, lower-cased on the wire. Kept from the seed's vocabulary, plus
 * {@code PROVISION} for a database and {@code PUSH} for a git-only platform's source.
 */
public enum PlatformStep {
    AUTH,
    CHECK,
    CREATE,
    CONFIGURE,
    PROVISION,
    UPLOAD,
    BUILD,
    DEPLOY,
    WATCH,
    MANAGE,
    /** Git-only platforms: the project goes to the user's repository through a source host first. */
    PUSH
}
