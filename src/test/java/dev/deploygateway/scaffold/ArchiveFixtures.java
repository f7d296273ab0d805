package dev.deploygateway.scaffold;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds zip and tar.gz archives in memory for the intake tests. */
final class ArchiveFixtures {

    private ArchiveFixtures() {
    }

    /** A zip with one entry per map entry; a name ending in "/" becomes a folder entry. */
    static byte[] zip(Map<String, byte[]> entries) {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A tar.gz with regular files (pax headers for long or non-ASCII names); a name ending in "/" is a folder. */
    static byte[] tarGz(Map<String, byte[]> entries) {
        return tarGz(tar -> {
            for (var e : entries.entrySet()) {
                if (e.getKey().endsWith("/")) {
                    tar.putArchiveEntry(new TarArchiveEntry(e.getKey()));
                } else {
                    var entry = new TarArchiveEntry(e.getKey());
                    entry.setSize(e.getValue().length);
                    tar.putArchiveEntry(entry);
                    tar.write(e.getValue());
                }
                tar.closeArchiveEntry();
            }
        });
    }

    interface TarWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    static byte[] tarGz(TarWriter writer) {
        var out = new ByteArrayOutputStream();
        try (var tar = tarGzStream(out)) {
            writer.write(tar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static TarArchiveOutputStream tarGzStream(OutputStream out) throws IOException {
        var tar = new TarArchiveOutputStream(new GZIPOutputStream(out), "UTF-8");
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return tar;
    }

    /** A tar.gz whose single entry is of the given type (symlink, hard link, device, FIFO) next to a real file. */
    static byte[] tarGzWithSpecialEntry(String name, byte linkFlag) {
        return tarGz(tar -> {
            var file = new TarArchiveEntry("index.html");
            byte[] html = "<h1>hi</h1>".getBytes(StandardCharsets.UTF_8);
            file.setSize(html.length);
            tar.putArchiveEntry(file);
            tar.write(html);
            tar.closeArchiveEntry();
            var special = new TarArchiveEntry(name, linkFlag);
            if (linkFlag == TarArchiveEntry.LF_SYMLINK || linkFlag == TarArchiveEntry.LF_LINK) {
                special.setLinkName("../../etc/passwd");
            }
            tar.putArchiveEntry(special);
            tar.closeArchiveEntry();
        });
    }

    /** Sets the "encrypted" general-purpose flag bit on every local and central header of a zip. */
    static byte[] markEncrypted(byte[] zip) {
        byte[] copy = zip.clone();
        for (int i = 0; i + 4 <= copy.length; i++) {
            if (copy[i] == 'P' && copy[i + 1] == 'K' && copy[i + 2] == 3 && copy[i + 3] == 4) {
                copy[i + 6] |= 1;
            } else if (copy[i] == 'P' && copy[i + 1] == 'K' && copy[i + 2] == 1 && copy[i + 3] == 2) {
                copy[i + 8] |= 1;
            }
        }
        return copy;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
