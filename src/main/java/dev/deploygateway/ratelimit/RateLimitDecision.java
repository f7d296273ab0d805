package dev.deploygateway.ratelimit;

/**
 * The answer to one admission.
 *
 * @param admitted whether the deployment may proceed
 * @param duplicate the deployment id was already admitted in the window (a retry): admitted, counted once
 * @param quota the quota after this decision
 */
public record RateLimitDecision(boolean admitted, boolean duplicate, Quota quota) {
}
