package dev.deploygateway.platform.railway;

import java.util.List;
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

    private static final StateTable STATES = StateTable.of("Railway deployment status", Map.of(
            PlatformState.QUEUED, List.of("QUEUED", "WAITING", "NEEDS_APPROVAL"),
            PlatformState.BUILDING, List.of("INITIALIZING", "BUILDING"),
            PlatformState.DEPLOYING, List.of("DEPLOYING"),
            PlatformState.READY, List.of("SUCCESS", "SLEEPING"),
            PlatformState.FAILED, List.of("FAILED", "CRASHED"),
            PlatformState.CANCELED, List.of("REMOVING", "REMOVED", "SKIPPED")));

    private RailwayStates() {
    }

    /** Maps a status; unknown values are logged and yield empty so the caller keeps what it knew. */
    static Optional<PlatformState> map(String status) {
        return STATES.map(status);
    }
}
