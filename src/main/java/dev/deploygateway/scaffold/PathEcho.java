package dev.deploygateway.scaffold;

/**
 * Renders a client-supplied path for an error message the way a JSON string would: quote and backslash
 * escaped with a backslash, control, invisible direction and lone surrogate characters as backslash-u escapes
 * with four hex digits, and cut to a readable length, so a hostile name cannot forge log lines or blow up the response.
 */
final class PathEcho {

    private static final int MAX_CHARS = 160;

    private PathEcho() {
    }

    static String of(String raw) {
        if (raw == null) {
            return "";
        }
        var out = new StringBuilder(Math.min(raw.length(), MAX_CHARS) + 8);
        int i = 0;
        while (i < raw.length()) {
            if (out.length() >= MAX_CHARS) {
                return out.append('…').toString();
            }
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (Character.getType(c) == Character.CONTROL || PathRules.isDirectionControl(c)
                    || Character.getType(c) == Character.SURROGATE) {
                // A lone surrogate reaches here as its own code point; valid pairs are printed as they are.
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /** The {@code field} of an error about a JSON files-map key. */
    static String jsonField(String raw) {
        return "files[\"" + of(raw) + "\"]";
    }

    /** The {@code field} of an error about an archive entry. */
    static String archiveField(String raw) {
        return "archive:" + of(raw);
    }
}
