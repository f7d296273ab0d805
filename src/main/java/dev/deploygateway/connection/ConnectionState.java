package dev.deploygateway.connection;

/** What a caller's link to a platform looks like. Only the last two are ever stored. */
public enum ConnectionState {
    NOT_CONNECTED,
    CONNECTED,
    /** The platform no longer accepts the stored tokens (revoked, refresh failed); the user must connect again. */
    RECONNECT_REQUIRED
}
