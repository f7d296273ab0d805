package dev.deploygateway.platform;

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
