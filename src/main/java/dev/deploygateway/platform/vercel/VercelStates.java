package dev.deploygateway.platform.vercel;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.StateTable;

/**
 * THE table from Vercel's {@code readyState} to the gateway's states. A {@code READY} deployment whose aliases are
 * not assigned yet is still {@code DEPLOYING}: the CLI, too, waits for {@code aliasAssigned}.
 */
final class VercelStates {

    private static final StateTable STATES = StateTable.of("Vercel readyState", Map.of(
            PlatformState.QUEUED, List.of("QUEUED"),
            PlatformState.BUILDING, List.of("INITIALIZING", "BUILDING"),
            PlatformState.DEPLOYING, List.of("DEPLOYING"),
            PlatformState.READY, List.of("READY"),
            PlatformState.FAILED, List.of("ERROR", "BLOCKED"),
            PlatformState.CANCELED, List.of("CANCELED")));

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
