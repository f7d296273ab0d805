package dev.deploygateway.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * A platform's status vocabulary mapped to the gateway's states, the one place each adapter's table is read. A
 * blank status maps to nothing; an unknown one is logged and maps to nothing, so the caller keeps what it knew
 * rather than guessing (a platform adding a status must not end a deployment).
 */
public record StateTable(String what, Map<String, PlatformState> entries) {

    private static final Logger LOG = Logger.getLogger(StateTable.class);

    public StateTable {
        entries = Map.copyOf(entries);
    }

    /** A table written the way one reads it: for each gateway state, the platform statuses that mean it. */
    public static StateTable of(String what, Map<PlatformState, List<String>> statusesByState) {
        var entries = new HashMap<String, PlatformState>();
        statusesByState.forEach((state, statuses) -> statuses.forEach(status -> {
            if (entries.put(status, state) != null) {
                throw new IllegalArgumentException(what + " '" + status + "' is mapped twice");
            }
        }));
        return new StateTable(what, entries);
    }

    public Optional<PlatformState> map(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        PlatformState state = entries.get(status);
        if (state == null) {
            LOG.warnf("Unknown %s '%s'; keeping the previous state", what, status);
        }
        return Optional.ofNullable(state);
    }
}
