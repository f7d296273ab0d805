package dev.deploygateway.store;

/**
 * Key names. Every key of one user, including the keys of that user's deployments, carries the user's hash tag
 * ({@code {user:<id>}}), so Redis Cluster puts them on one slot and one script can admit a deployment, create
 * its record, claim its lease and bind its idempotency key atomically. Only the cluster-wide index of running
 * deployments ({@code deployments:active}) lives elsewhere.
 */
public final class StoreKeys {

    private StoreKeys() {
    }

    /** A key owned by one user, e.g. {@code {user:42}:ratelimit:deploy}. */
    public static String user(String userId, String suffix) {
        return "{user:" + userId + "}:" + suffix;
    }

    /** A key of one of the user's deployments, e.g. {@code {user:42}:deployment:dep_1:events}. */
    public static String deployment(String userId, String deploymentId, String suffix) {
        return user(userId, "deployment:" + deploymentId + ":" + suffix);
    }
}
