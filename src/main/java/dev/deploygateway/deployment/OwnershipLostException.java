package dev.deploygateway.deployment;

/**
 * The store refused a write of this run: another instance claimed the deployment (a higher generation), or it
 * already ended. The run stops at once; the new owner carries on. Said in the server log, never to users.
 */
final class OwnershipLostException extends RuntimeException {

    OwnershipLostException(String deploymentId, String reason) {
        super("deployment " + deploymentId + ": " + reason, null, false, false);
    }
}
