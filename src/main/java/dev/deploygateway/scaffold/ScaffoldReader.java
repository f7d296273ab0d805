package dev.deploygateway.scaffold;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.deploygateway.config.ScaffoldConfig;
import dev.deploygateway.scaffold.ScaffoldRejectedException.Limit;

/**
 * Turns an uploaded project into a {@link SourceBundle}, or refuses it with a {@link ScaffoldRejectedException}
 * (400 listing every problem, or 413 naming the limit) before anything is stored or created. Accepts the JSON
 * files map and .zip / .tar.gz archives, recognised by their first bytes rather than by file name or content
 * type.
 *
 * <p>Archive reading is blocking work (decompression, up to {@link ScaffoldLimits#maxArchiveBytes()} of
 * input): call {@code fromArchive}/{@code fromZip}/{@code fromTarGz} on a worker thread ({@code @Blocking}
 * resource method or {@code emitOn(Infrastructure.getDefaultWorkerPool())}), never on an event loop.
 * {@link #fromJson} only decodes strings already in memory and is cheap enough for any thread.
 *
 * <p>Memory: a successful upload is held in memory, at most {@link ScaffoldLimits#maxTotalBytes()} plus one
 * read buffer; a refused one stops reading at the first buffer past a limit.
 */
@ApplicationScoped
public class ScaffoldReader {

    private final ScaffoldLimits limits;

    @Inject
    ScaffoldReader(ScaffoldConfig config) {
        this(ScaffoldLimits.of(config));
    }

    public ScaffoldReader(ScaffoldLimits limits) {
        this.limits = limits;
    }

    public ScaffoldLimits limits() {
        return limits;
    }

    /** The {@code files} map of a JSON deployment request. Paths are kept as given (no root folder is stripped). */
    public SourceBundle fromJson(Map<String, FileSpec> files) {
        if (files == null || files.isEmpty()) {
            throw ScaffoldRejectedException.malformed("files", "the project contains no files");
        }
        if (files.size() > limits.maxFiles()) {
            throw ScaffoldRejectedException.tooLarge(Limit.MAX_FILES, limits.maxFiles(), "files",
                    "the project has more than " + limits.maxFiles() + " files");
        }
        var assembly = new BundleAssembly(limits, PathEcho::jsonField);
        files.forEach((path, spec) -> {
            assembly.countFile(path);
            byte[] bytes;
            try {
                bytes = decode(spec, path, assembly.totalBytes());
            } catch (IllegalArgumentException e) {
                assembly.reject(path, e.getMessage());
                return;
            }
            assembly.add(path, bytes);
        });
        return assembly.finish(RootFolder.KEEP, "files");
    }

    private byte[] decode(FileSpec spec, String path, long alreadyAccepted) {
        if (spec == null || spec.content() == null) {
            throw new IllegalArgumentException("content is required");
        }
        // Refuse by the smallest possible decoded size first, so a huge string is never decoded.
        long atLeast = spec.minimumDecodedSize();
        if (atLeast > limits.maxFileBytes()) {
            throw fileTooLarge(PathEcho.jsonField(path));
        }
        byte[] bytes = spec.decode();
        if (bytes.length > limits.maxFileBytes()) {
            throw fileTooLarge(PathEcho.jsonField(path));
        }
        if (alreadyAccepted + bytes.length > limits.maxTotalBytes()) {
            throw BundleAssembly.totalTooLarge(limits, PathEcho.jsonField(path));
        }
        return bytes;
    }

    private ScaffoldRejectedException fileTooLarge(String field) {
        return ScaffoldRejectedException.tooLarge(Limit.MAX_FILE_BYTES, limits.maxFileBytes(), field,
                "a file is larger than " + limits.maxFileBytes() + " bytes");
    }

    /** A .zip or .tar.gz file (an upload spooled to disk), single top-level folder stripped. Blocking. */
    public SourceBundle fromArchive(Path file) {
        return fromArchive(file, RootFolder.STRIP_SINGLE);
    }

    /** A .zip or .tar.gz file (an upload spooled to disk). Blocking. */
    public SourceBundle fromArchive(Path file, RootFolder rootFolder) {
        return read(file, null, rootFolder);
    }

    /** A .zip or .tar.gz stream, single top-level folder stripped. The caller closes the stream. Blocking. */
    public SourceBundle fromArchive(InputStream in) {
        return fromArchive(in, RootFolder.STRIP_SINGLE);
    }

    /** A .zip or .tar.gz stream. The caller closes the stream. Blocking. */
    public SourceBundle fromArchive(InputStream in, RootFolder rootFolder) {
        return read(in, null, rootFolder);
    }

    /** A zip stream; anything else is refused as "not a valid zip". Blocking. */
    public SourceBundle fromZip(InputStream in, RootFolder rootFolder) {
        return read(in, Archives.ZIP, rootFolder);
    }

    /** A zip file; anything else is refused as "not a valid zip". Blocking. */
    public SourceBundle fromZip(Path file, RootFolder rootFolder) {
        return read(file, Archives.ZIP, rootFolder);
    }

    /** A .tar.gz stream; anything else is refused as "not a valid tar.gz". Blocking. */
    public SourceBundle fromTarGz(InputStream in, RootFolder rootFolder) {
        return read(in, Archives.TAR_GZ, rootFolder);
    }

    /** A .tar.gz file; anything else is refused as "not a valid tar.gz". Blocking. */
    public SourceBundle fromTarGz(Path file, RootFolder rootFolder) {
        return read(file, Archives.TAR_GZ, rootFolder);
    }

    private SourceBundle read(Path file, Archives expected, RootFolder rootFolder) {
        try {
            // The size on disk is known: refuse an oversize archive without reading a byte of it.
            if (Files.size(file) > limits.maxArchiveBytes()) {
                throw Archives.tooLarge(limits);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(in, expected, rootFolder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SourceBundle read(InputStream in, Archives expected, RootFolder rootFolder) {
        var source = new BufferedInputStream(in, 8192);
        Archives kind;
        try {
            source.mark(4);
            byte[] head = source.readNBytes(4);
            source.reset();
            if (head.length == 0) {
                throw ScaffoldRejectedException.malformed("archive", "the archive is empty (0 bytes)");
            }
            kind = Archives.detect(head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (kind == null || (expected != null && kind != expected)) {
            String wanted = expected == Archives.ZIP ? "zip" : expected == Archives.TAR_GZ ? "tar.gz" : "zip or tar.gz";
            throw ScaffoldRejectedException.malformed("archive", "the archive is not a valid " + wanted);
        }
        return kind == Archives.ZIP ? new ZipIntake(limits).read(source, rootFolder)
                : new TarGzIntake(limits).read(source, rootFolder);
    }
}
