package dev.deploygateway.scaffold;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A generated project ready to be deployed: files keyed by normalised relative path ({@code src/app.js}),
 * in a stable (sorted) order, with byte-exact content. Paths are NFC-normalised Unicode so that a name typed
 * on macOS (NFD) and on Linux digest and compare the same.
 */
public final class SourceBundle {

    private final Map<String, SourceFile> files;

    private SourceBundle(Map<String, SourceFile> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    /**
     * Builds a bundle from raw paths and bytes.
     *
     * @throws IllegalArgumentException if a path is empty, absolute after trimming, escapes the root ({@code ..}),
     *         contains a NUL or control character, or two paths normalise to the same file
     */
    public static SourceBundle of(Map<String, byte[]> raw) {
        var normalised = new TreeMap<String, SourceFile>();
        raw.forEach((path, bytes) -> {
            String clean = normalisePath(path);
            if (normalised.put(clean, new SourceFile(clean, bytes)) != null) {
                throw new IllegalArgumentException("Two entries name the same file: " + clean);
            }
        });
        return new SourceBundle(normalised);
    }

    /**
     * Normalises a relative path: backslashes become slashes, leading {@code ./} and {@code /} and repeated
     * or trailing slashes are dropped, {@code .} segments vanish; {@code ..} is refused rather than resolved
     * because a scaffold has no reason to contain it.
     */
    public static String normalisePath(String path) {
        if (path == null) {
            throw new IllegalArgumentException("File path is missing");
        }
        String unified = Normalizer.normalize(path.replace('\\', '/'), Normalizer.Form.NFC);
        List<String> segments = new ArrayList<>();
        for (String segment : unified.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new IllegalArgumentException("File path leaves the project root: " + path);
            }
            if (segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("File path contains a control character");
            }
            segments.add(segment);
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("File path is empty: '" + path + "'");
        }
        return String.join("/", segments);
    }

    /** Files in path order. */
    public List<SourceFile> files() {
        return List.copyOf(files.values());
    }

    public Optional<SourceFile> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public int fileCount() {
        return files.size();
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(SourceFile::size).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceBundle other && files.equals(other.files);
    }

    @Override
    public int hashCode() {
        return files.hashCode();
    }

    @Override
    public String toString() {
        return "SourceBundle[" + files.size() + " files, " + totalBytes() + " bytes]";
    }
}
