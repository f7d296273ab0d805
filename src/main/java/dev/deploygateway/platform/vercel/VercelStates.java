package dev.deploygateway.platform.vercel;

import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.deploygateway.platform.PlatformState;

/**
 * THE table from Vercel's {@code readyState} to the gateway's states. A {@code READY} deployment whose aliases are
 * not assigned yet is still {@code DEPLOYING}: the CLI, too, waits for {@code aliasAssigned}.
 */
final class VercelStates {

    private static final Logger LOG = Logger.getLogger(VercelStates.class);

    static final Map<String, PlatformState> TABLE = Map.of(
            "QUEUED", PlatformState.QUEUED,
            "INITIALIZING", PlatformState.BUILDING,
            "BUILDING", PlatformState.BUILDING,
            "DEPLOYING", PlatformState.DEPLOYING,
            "READY", PlatformState.READY,
            "ERROR", PlatformState.FAILED,
            "BLOCKED", PlatformState.FAILED,
            "CANCELED", PlatformState.CANCELED);

    private VercelStates() {
    }

    /** Maps a state; unknown values are logged and yield empty so the caller keeps what it knew. */
    static Optional<PlatformState> map(String readyState) {
        if (readyState == null || readyState.isBlank()) {
            return Optional.empty();
        }
        PlatformState state = TABLE.get(readyState);
        if (state == null && readyState.endsWith("_ERROR")) {
            state = PlatformState.FAILED;
        }
        if (state == null) {
            LOG.warnf("Unknown Vercel readyState '%s'; keeping the previous state", readyState);
        }
        return Optional.ofNullable(state);
    }

    /** The state of a deployment object: READY only once its aliases are assigned (or failed to be). */
    static Optional<PlatformState> of(String readyState, boolean aliasAssigned, boolean aliasError) {
        return map(readyState).map(s -> s == PlatformState.READY && !aliasAssigned && !aliasError
                ? PlatformState.DEPLOYING : s);
    }
}
