package dev.deploygateway.deployment;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What an {@code Idempotency-Key} is bound to: the deployment it created and a digest of the request that
 * created it, so the same key sent with a different request is refused instead of answered with the wrong one.
 */
@RegisterForReflection
record IdempotencyBinding(String deploymentId, String requestDigest) {
}
