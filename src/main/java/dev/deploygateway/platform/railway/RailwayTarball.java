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
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

/**
 * The gzip tarball {@code railway up} sends: entries named {@code ./<path>}, POSIX (PAX) headers for long and
 * non-ASCII names, UTF-8, fixed mtime and mode so the same bundle gives the same bytes. Written once into one
 * growing array that is then handed to Netty without a copy: the archive is never held twice.
 */
final class RailwayTarball {

    private RailwayTarball() {
    }

    /** An output stream whose buffer can be wrapped without copying. */
    private static final class Sink extends ByteArrayOutputStream {
        Sink(int size) {
            super(size);
        }

        Buffer wrap() {
            return Buffer.buffer(Unpooled.wrappedBuffer(buf, 0, count));
        }
    }

    static Buffer build(SourceBundle bundle) {
        // Sources compress well; start at a third of the raw size to avoid most re-allocations.
        var sink = new Sink((int) Math.min(Integer.MAX_VALUE - 16, Math.max(1024, bundle.totalBytes() / 3)));
        write(bundle, sink);
        return sink.wrap();
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
