package dev.deploygateway.platform.render;

import java.util.Map;
import java.util.Optional;

import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.StateTable;

/**
 * THE table from Render's deploy {@code status} (the document's {@code deployStatus}) to the gateway's states.
 * Terminal only on terminal statuses: {@code live}, {@code deactivated} (was live, then superseded, so it did go
 * live), the three failures and {@code canceled}. Unknown values are logged and keep the previous state.
 */
final class RenderStates {

    static final Map<String, PlatformState> TABLE = Map.ofEntries(
            Map.entry("created", PlatformState.QUEUED),
            Map.entry("queued", PlatformState.QUEUED),
            Map.entry("build_in_progress", PlatformState.BUILDING),
            Map.entry("update_in_progress", PlatformState.DEPLOYING),
            Map.entry("pre_deploy_in_progress", PlatformState.DEPLOYING),
            Map.entry("live", PlatformState.READY),
            Map.entry("deactivated", PlatformState.READY),
            Map.entry("build_failed", PlatformState.FAILED),
            Map.entry("update_failed", PlatformState.FAILED),
            Map.entry("pre_deploy_failed", PlatformState.FAILED),
            Map.entry("canceled", PlatformState.CANCELED));
    private static final StateTable STATES = new StateTable("Render deploy status", TABLE);

    private RenderStates() {
    }

    static Optional<PlatformState> map(String status) {
        return STATES.map(status);
    }

    /** The gateway's error code for a failed status. */
    static Optional<String> errorCode(String status) {
        return switch (status == null ? "" : status) {
            case "build_failed" -> Optional.of("BUILD_FAILED");
            case "update_failed" -> Optional.of("DEPLOY_FAILED");
            case "pre_deploy_failed" -> Optional.of("PRE_DEPLOY_FAILED");
            default -> Optional.empty();
        };
    }
}
