package dev.deploygateway.platform.railway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import dev.deploygateway.scaffold.SourceBundle;
import dev.deploygateway.scaffold.SourceFile;

/**
 * The gzip tarball {@code railway up} sends: entries named {@code ./<path>}, POSIX (PAX) headers for long and
 * non-ASCII names, UTF-8, fixed mtime and mode so the same bundle gives the same bytes. Compressed straight into one
 * growing array (started at a third of the raw size, which most sources compress to).
 */
final class RailwayTarball {

    private RailwayTarball() {
    }

    static byte[] build(SourceBundle bundle) {
        var sink = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 16,
                Math.max(1024, bundle.totalBytes() / 3)));
        write(bundle, sink);
        return sink.toByteArray();
    }

    static void write(SourceBundle bundle, OutputStream out) {
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out),
                StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (SourceFile file : bundle.files()) {
                var entry = new TarArchiveEntry("./" + file.path());
                entry.setSize(file.size());
                entry.setMode(0100644);
                entry.setModTime(0);
                tar.putArchiveEntry(entry);
                tar.write(file.content());
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
