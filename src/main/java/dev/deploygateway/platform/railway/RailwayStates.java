package dev.deploygateway.platform.railway;

import java.util.Map;
import java.util.Optional;

import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.StateTable;

/**
 * THE table from Railway's {@code DeploymentStatus} to the gateway's states. Railway has no CANCELED: a canceled
 * deployment is REMOVED (UNCONFIRMED), so REMOVED maps to CANCELED; a superseded live deployment is REMOVED too,
 * but nobody watches those any more. SLEEPING is a live deployment idling (serverless), hence READY.
 */
final class RailwayStates {

    static final Map<String, PlatformState> TABLE = Map.ofEntries(
            Map.entry("QUEUED", PlatformState.QUEUED),
            Map.entry("WAITING", PlatformState.QUEUED),
            Map.entry("NEEDS_APPROVAL", PlatformState.QUEUED),
            Map.entry("INITIALIZING", PlatformState.BUILDING),
            Map.entry("BUILDING", PlatformState.BUILDING),
            Map.entry("DEPLOYING", PlatformState.DEPLOYING),
            Map.entry("SUCCESS", PlatformState.READY),
            Map.entry("SLEEPING", PlatformState.READY),
            Map.entry("FAILED", PlatformState.FAILED),
            Map.entry("CRASHED", PlatformState.FAILED),
            Map.entry("REMOVING", PlatformState.CANCELED),
            Map.entry("REMOVED", PlatformState.CANCELED),
            Map.entry("SKIPPED", PlatformState.CANCELED));
    private static final StateTable STATES = new StateTable("Railway deployment status", TABLE);

    private RailwayStates() {
    }

    /** Maps a status; unknown values are logged and yield empty so the caller keeps what it knew. */
    static Optional<PlatformState> map(String status) {
        return STATES.map(status);
    }
}
