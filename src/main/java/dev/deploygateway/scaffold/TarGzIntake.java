package dev.deploygateway.scaffold;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a .tar.gz upload: the JDK's {@link GZIPInputStream} for gzip, Apache Commons Compress for the tar
 * layer, because real tarballs use pax extended headers (long and non-ASCII names), GNU long-name records and
 * base-256 sizes, all of which it parses and keeps fuzzed (OSS-Fuzz). Its declared sizes are not trusted: the
 * decompressed stream and every entry are metered here. Only regular files are accepted; folders and pax
 * metadata are skipped; symbolic links, hard links, devices, FIFOs and sparse files are refused (listed in the
 * 400), because a deployable project has no use for them and a link is how archive extraction escapes its
 * folder on the platform's side.
 */
final class TarGzIntake {

    private final ScaffoldLimits limits;
    private final EntryContent content;

    TarGzIntake(ScaffoldLimits limits) {
        this.limits = limits;
        this.content = new EntryContent(limits);
    }

    SourceBundle read(InputStream source, RootFolder rootFolder) {
        var compressed = MeteredStream.overSource(source, limits.maxArchiveBytes(), () -> Archives.tooLarge(limits));
        var assembly = new BundleAssembly(limits, PathEcho::archiveField);
        try (var gzip = new GZIPInputStream(compressed)) {
            var tarStream = MeteredStream.overDecompressed(gzip, limits.maxTarStreamBytes(),
                    () -> BundleAssembly.totalTooLarge(limits, "archive"));
            var tar = new TarArchiveInputStream(tarStream, "UTF-8");
            long entries = 0;
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Archives.countEntry(++entries, limits);
                if (entry.isDirectory() || entry.isPaxHeader() || entry.isGlobalPaxHeader()) {
                    continue;
                }
                String name = entry.getName();
                String refusal = refusal(entry);
                if (refusal != null) {
                    assembly.reject(name, refusal);
                    continue;
                }
                assembly.countFile(name);
                byte[] bytes = content.read(tar, compressed, assembly.totalBytes(), PathEcho.archiveField(name));
                assembly.add(name, bytes);
            }
        } catch (MeteredStream.SourceFailure e) {
            throw new UncheckedIOException(e);
        } catch (EOFException e) {
            throw ScaffoldRejectedException.malformed("archive", "the tar.gz archive is truncated");
        } catch (IOException | IllegalArgumentException e) {
            throw ScaffoldRejectedException.malformed("archive", "the tar.gz archive is corrupt");
        }
        return assembly.finish(rootFolder, "archive");
    }

    /** Why an entry that is not a regular file is refused, or null when it is one. */
    private static String refusal(TarArchiveEntry entry) {
        if (entry.isSymbolicLink()) {
            return "symbolic links are not allowed";
        }
        if (entry.isLink()) {
            return "hard links are not allowed";
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            return "devices and pipes are not allowed";
        }
        if (entry.isSparse()) {
            return "sparse files are not supported";
        }
        if (!entry.isFile()) {
            return "only regular files are allowed";
        }
        return null;
    }
}
