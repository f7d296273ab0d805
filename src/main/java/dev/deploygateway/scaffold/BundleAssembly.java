package dev.deploygateway.scaffold;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.deploygateway.scaffold.ScaffoldRejectedException.Limit;

/**
 * Collects the files of one upload while it is read: checks each path, counts files and bytes against the
 * limits (a limit stops reading at once with a 413), and gathers every path problem so the client sees them all
 * in one 400 rather than one per attempt. Not thread-safe: one assembly per upload, filled by one thread.
 */
final class BundleAssembly {

    /** More problems than this are not listed; the first ones are enough to act on. */
    static final int MAX_LISTED_ERRORS = 100;

    private final ScaffoldLimits limits;
    private final PathRules rules;
    private final Function<String, String> fieldOf;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    /** Lower-cased path → the path first seen, to refuse README.md next to readme.md. */
    private final Map<String, String> folded = new HashMap<>();
    private final List<FieldError> errors = new ArrayList<>();
    private int problemCount;
    private int fileCount;
    private long totalBytes;

    BundleAssembly(ScaffoldLimits limits, Function<String, String> fieldOf) {
        this.limits = limits;
        this.rules = new PathRules(limits);
        this.fieldOf = fieldOf;
    }

    /** Counts one more file before its content is read, so "too many files" stops reading early. */
    void countFile(String rawPath) {
        if (++fileCount > limits.maxFiles()) {
            throw ScaffoldRejectedException.tooLarge(Limit.MAX_FILES, limits.maxFiles(), fieldOf.apply(rawPath),
                    "the project has more than " + limits.maxFiles() + " files");
        }
    }

    /** Bytes already accepted, for the streaming total check of the next file. */
    long totalBytes() {
        return totalBytes;
    }

    /** Adds a counted file whose content is already within the per-file and total limits. */
    void add(String rawPath, byte[] content) {
        totalBytes += content.length;
        if (totalBytes > limits.maxTotalBytes()) {
            throw totalTooLarge(limits, fieldOf.apply(rawPath));
        }
        String path;
        try {
            path = rules.normalise(rawPath);
        } catch (PathRules.Refused e) {
            reject(rawPath, e.getMessage());
            return;
        }
        String first = folded.putIfAbsent(path.toLowerCase(Locale.ROOT), path);
        if (first != null) {
            reject(rawPath, first.equals(path) ? "the same file appears twice"
                    : "differs only in letter case from \"" + PathEcho.of(first) + "\"");
            return;
        }
        files.put(path, content);
    }

    /** Records a problem with one entry without stopping: reading continues to find the others. */
    void reject(String rawPath, String message) {
        rejectField(fieldOf.apply(rawPath), message);
    }

    void rejectField(String field, String message) {
        problemCount++;
        if (errors.size() < MAX_LISTED_ERRORS) {
            errors.add(new FieldError(field, message));
        }
    }

    static ScaffoldRejectedException totalTooLarge(ScaffoldLimits limits, String field) {
        return ScaffoldRejectedException.tooLarge(Limit.MAX_TOTAL_BYTES, limits.maxTotalBytes(), field,
                "the project's files add up to more than " + limits.maxTotalBytes() + " bytes");
    }

    /** The bundle, or a 400 listing every problem found. */
    SourceBundle finish(RootFolder rootFolder, String emptyField) {
        refuseFileFolderClashes();
        if (problemCount > 0) {
            String listed = problemCount > errors.size() ? " (the first " + errors.size() + " are listed)" : "";
            throw ScaffoldRejectedException.invalid(
                    "The project was rejected: " + problemCount + " problem(s) with its files" + listed, errors);
        }
        if (files.isEmpty()) {
            throw ScaffoldRejectedException.malformed(emptyField, "the project contains no files");
        }
        Map<String, byte[]> result = rootFolder == RootFolder.STRIP_SINGLE ? stripSingleRoot(files) : files;
        return SourceBundle.of(result);
    }

    /** {@code a} as a file and {@code a/b} as another cannot both exist on a disk (case-insensitively either). */
    private void refuseFileFolderClashes() {
        for (String path : files.keySet()) {
            int slash = path.indexOf('/');
            while (slash > 0) {
                String folder = folded.get(path.substring(0, slash).toLowerCase(Locale.ROOT));
                if (folder != null) {
                    rejectField(fieldOf.apply(path), "\"" + PathEcho.of(folder) + "\" is a file, not a folder");
                    break;
                }
                slash = path.indexOf('/', slash + 1);
            }
        }
    }

    private static Map<String, byte[]> stripSingleRoot(Map<String, byte[]> files) {
        String root = null;
        for (String path : files.keySet()) {
            int slash = path.indexOf('/');
            if (slash < 0 || (root != null && !root.equals(path.substring(0, slash)))) {
                return files;
            }
            root = path.substring(0, slash);
        }
        var stripped = new LinkedHashMap<String, byte[]>();
        int cut = root.length() + 1;
        files.forEach((path, content) -> stripped.put(path.substring(cut), content));
        return stripped;
    }
}
