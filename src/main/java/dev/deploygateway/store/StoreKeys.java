package dev.deploygateway.store;

/**
 * Key names. Every key of one user (or one deployment) carries the same hash tag ({@code {user:<id>}},
 * {@code {deployment:<id>}}), so Redis Cluster puts them on one slot and a script or transaction over several
 * of them stays legal.
 */
public final class StoreKeys {

    private StoreKeys() {
    }

    /** A key owned by one user, e.g. {@code {user:42}:ratelimit:deploy}. */
    public static String user(String userId, String suffix) {
        return "{user:" + userId + "}:" + suffix;
    }

    /** A key owned by one deployment, e.g. {@code {deployment:dpl_1}:events}. */
    public static String deployment(String deploymentId, String suffix) {
        return "{deployment:" + deploymentId + "}:" + suffix;
    }
}
