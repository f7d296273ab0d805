package dev.deploygateway.platform.render;

import java.util.List;
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

    static final StateTable STATES = StateTable.of("Render deploy status", Map.of(
            PlatformState.QUEUED, List.of("created", "queued"),
            PlatformState.BUILDING, List.of("build_in_progress"),
            PlatformState.DEPLOYING, List.of("update_in_progress", "pre_deploy_in_progress"),
            PlatformState.READY, List.of("live", "deactivated"),
            PlatformState.FAILED, List.of("build_failed", "update_failed", "pre_deploy_failed"),
            PlatformState.CANCELED, List.of("canceled")));

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
