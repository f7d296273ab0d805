package dev.deploygateway.platform.render;

import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.deploygateway.platform.PlatformState;

/**
 * THE table from Render's deploy {@code status} (the document's {@code deployStatus}) to the gateway's states.
 * Terminal only on terminal statuses: {@code live}, {@code deactivated} (was live, then superseded, so it did go
 * live), the three failures and {@code canceled}. Unknown values are logged and keep the previous state.
 */
final class RenderStates {

    private static final Logger LOG = Logger.getLogger(RenderStates.class);

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

    private RenderStates() {
    }

    static Optional<PlatformState> map(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        PlatformState state = TABLE.get(status);
        if (state == null) {
            LOG.warnf("Unknown Render deploy status '%s'; keeping the previous state", status);
        }
        return Optional.ofNullable(state);
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
