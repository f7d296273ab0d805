package dev.deploygateway.platform.railway;

import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.deploygateway.platform.PlatformState;

/**
 * THE table from Railway's {@code DeploymentStatus} to the gateway's states. Railway has no CANCELED: a canceled
 * deployment is REMOVED (UNCONFIRMED), so REMOVED maps to CANCELED; a superseded live deployment is REMOVED too,
 * but nobody watches those any more. SLEEPING is a live deployment idling (serverless), hence READY.
 */
final class RailwayStates {

    private static final Logger LOG = Logger.getLogger(RailwayStates.class);

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

    private RailwayStates() {
    }

    /** Maps a status; unknown values are logged and yield empty so the caller keeps what it knew. */
    static Optional<PlatformState> map(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        PlatformState state = TABLE.get(status);
        if (state == null) {
            LOG.warnf("Unknown Railway deployment status '%s'; keeping the previous state", status);
        }
        return Optional.ofNullable(state);
    }
}
