package dev.deploygateway.store;

import java.util.Map;

/** One entry of a stream: its id ({@code <ms>-<seq>}, increasing) and its fields in insertion order. */
public record StreamEntry(String id, Map<String, String> fields) {

    public StreamEntry {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
