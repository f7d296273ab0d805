package dev.deploygateway.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** One entry of a stream: its id ({@code <ms>-<seq>}, increasing) and its fields in insertion order. */
public record StreamEntry(String id, Map<String, String> fields) {

    public StreamEntry {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
