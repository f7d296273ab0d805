package dev.deploygateway.scaffold;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Decides whether a client-supplied file path may enter a {@link SourceBundle}, and normalises it. Stricter than
 * {@link SourceBundle#normalisePath}: that one quietly drops a leading {@code /}, while an upload that names an
 * absolute path is refused outright, because it was built for somewhere else and silently relocating it could
 * overwrite a different file.
 */
final class PathRules {

    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:");

    private final ScaffoldLimits limits;

    PathRules(ScaffoldLimits limits) {
        this.limits = limits;
    }

    /** A path the rules refuse, with a message safe to show (no content, no raw control characters). */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** The normalised (NFC, slash-separated, relative) path, or {@link Refused} saying why not. */
    String normalise(String raw) throws Refused {
        if (raw == null || raw.isEmpty()) {
            throw new Refused("path is empty");
        }
        checkCharacters(raw);
        if (raw.startsWith("/") || raw.startsWith("\\")) {
            throw new Refused("absolute paths are not allowed");
        }
        if (DRIVE_LETTER.matcher(raw).find()) {
            throw new Refused("drive-letter paths are not allowed");
        }
        for (String segment : raw.split("[/\\\\]", -1)) {
            if (segment.equals("..")) {
                throw new Refused("path leaves the project root (..)");
            }
        }
        if (raw.endsWith("/") || raw.endsWith("\\")) {
            throw new Refused("path names a folder, not a file");
        }
        String clean;
        try {
            clean = SourceBundle.normalisePath(raw);
        } catch (IllegalArgumentException e) {
            throw new Refused("path is empty or not a file path");
        }
        if (clean.getBytes(StandardCharsets.UTF_8).length > limits.maxPathLength()) {
            throw new Refused("path is longer than " + limits.maxPathLength() + " bytes");
        }
        if (clean.split("/").length > limits.maxPathDepth()) {
            throw new Refused("path is deeper than " + limits.maxPathDepth() + " levels");
        }
        return clean;
    }

    private static void checkCharacters(String raw) throws Refused {
        int i = 0;
        while (i < raw.length()) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (c == 0) {
                throw new Refused("path contains a NUL character");
            }
            if (Character.getType(c) == Character.CONTROL) {
                throw new Refused("path contains a control character");
            }
            if (Character.getType(c) == Character.SURROGATE) {
                throw new Refused("path is not valid Unicode (lone surrogate)");
            }
            if (isDirectionControl(c)) {
                // Right-to-left overrides make "gpj.exe" display as "exe.jpg" in a file list.
                throw new Refused("path contains an invisible text-direction character");
            }
        }
    }

    /** Unicode bidirectional embedding, override and isolate controls (U+202A-202E, U+2066-2069). */
    static boolean isDirectionControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
