package dev.deploygateway.deployment;

import java.util.Map;

/**
 * One write of a deployment's owner: record fields to set and/or one event to append, applied together.
 *
 * @param seq position in the run's journal (1, 2, …); the store skips entries it has already applied
 * @param eventKind the event's wire name, or empty for a record-only entry
 */
record JournalEntry(long seq, Map<String, String> fields, String eventKind, String eventData) {

    JournalEntry {
        fields = Map.copyOf(fields);
    }

    boolean hasEvent() {
        return !eventKind.isEmpty();
    }
}
