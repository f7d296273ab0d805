package dev.deploygateway.platform;

/**
 * The normalised deployment state every platform's own states map into (ARCHITECTURE §4). The order of the
 * non-terminal constants is the order a deployment normally walks through.
 */
public enum PlatformState {
    PENDING, UPLOADING, QUEUED, BUILDING, DEPLOYING, READY, FAILED, CANCELED, TIMED_OUT;

    public boolean terminal() {
        return this == READY || this == FAILED || this == CANCELED || this == TIMED_OUT;
    }
}
