package dev.deploygateway.platform.vercel;

import java.util.Map;
import java.util.Optional;

import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.StateTable;

/**
 * THE table from Vercel's {@code readyState} to the gateway's states. A {@code READY} deployment whose aliases are
 * not assigned yet is still {@code DEPLOYING}: the CLI, too, waits for {@code aliasAssigned}.
 */
final class VercelStates {

    static final Map<String, PlatformState> TABLE = Map.of(
            "QUEUED", PlatformState.QUEUED,
            "INITIALIZING", PlatformState.BUILDING,
            "BUILDING", PlatformState.BUILDING,
            "DEPLOYING", PlatformState.DEPLOYING,
            "READY", PlatformState.READY,
            "ERROR", PlatformState.FAILED,
            "BLOCKED", PlatformState.FAILED,
            "CANCELED", PlatformState.CANCELED);
    private static final StateTable STATES = new StateTable("Vercel readyState", TABLE);

    private VercelStates() {
    }

    /** Maps a state; unknown values are logged and yield empty so the caller keeps what it knew. */
    static Optional<PlatformState> map(String readyState) {
        if (readyState != null && readyState.endsWith("_ERROR")) {
            return Optional.of(PlatformState.FAILED); // Vercel's family of failures (LAMBDAS_ERROR, …)
        }
        return STATES.map(readyState);
    }

    /** The state of a deployment object: READY only once its aliases are assigned (or failed to be). */
    static Optional<PlatformState> of(String readyState, boolean aliasAssigned, boolean aliasError) {
        return map(readyState).map(s -> s == PlatformState.READY && !aliasAssigned && !aliasError
                ? PlatformState.DEPLOYING : s);
    }

    /** {@link #of(String, boolean, boolean)} of a deployment as Vercel sent it. */
    static Optional<PlatformState> of(VercelWire.Deployment deployment) {
        return of(deployment.state(), deployment.aliasAssigned(), deployment.aliasError() != null);
    }
}
