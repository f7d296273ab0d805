package dev.deploygateway.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link StoreScript} answered: a flat list of values, each a string (Redis integers arrive as their
 * decimal text) or absent (a Lua {@code false}/nil). Both backends produce the same reply for the same script.
 */
public record ScriptReply(List<String> values) {

    public ScriptReply {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** A reply from Java values (the memory twins): numbers and strings as text, nulls kept as absent. */
    public static ScriptReply of(Object... values) {
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(v == null ? null : v instanceof Boolean b ? (b ? "1" : "0") : String.valueOf(v));
        }
        return new ScriptReply(out);
    }

    /** A reply built from a list (the memory twins that return a variable number of values). */
    public static ScriptReply ofList(List<?> values) {
        return of(values.toArray());
    }

    public int size() {
        return values.size();
    }

    public String text(int index) {
        return values.get(index);
    }

    public Optional<String> optionalText(int index) {
        return index < values.size() ? Optional.ofNullable(values.get(index)) : Optional.empty();
    }

    public long number(int index) {
        return Long.parseLong(values.get(index));
    }

    /** The first value, which by convention names the outcome of a multi-outcome script. */
    public String outcome() {
        return values.isEmpty() ? "" : values.get(0);
    }
}
