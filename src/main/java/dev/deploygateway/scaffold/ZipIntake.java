package dev.deploygateway.scaffold;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip upload front to back with the JDK's {@link ZipInputStream} (local headers, no central directory),
 * so it works on a stream and never seeks. Entry names must be UTF-8 (every current zip tool writes UTF-8).
 * Folder entries are skipped. A zip cannot mark a symbolic link in its local headers (that lives in the
 * central directory's external attributes), so a zipped link arrives as a small regular file holding the link
 * target's path: it is never followed, because nothing here touches a file system.
 */
final class ZipIntake {

    private final ScaffoldLimits limits;
    private final EntryContent content;

    ZipIntake(ScaffoldLimits limits) {
        this.limits = limits;
        this.content = new EntryContent(limits);
    }

    SourceBundle read(InputStream source, RootFolder rootFolder) {
        var compressed = MeteredStream.overSource(source, limits.maxArchiveBytes(), () -> Archives.tooLarge(limits));
        var assembly = new BundleAssembly(limits, PathEcho::archiveField);
        try (var zip = new ZipInputStream(compressed, StandardCharsets.UTF_8)) {
            long entries = 0;
            ZipEntry entry;
            while ((entry = next(zip)) != null) {
                Archives.countEntry(++entries, limits);
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName();
                assembly.countFile(name);
                byte[] bytes = content.read(zip, compressed, assembly.totalBytes(), PathEcho.archiveField(name));
                assembly.add(name, bytes);
            }
        } catch (MeteredStream.SourceFailure e) {
            throw new UncheckedIOException(e);
        } catch (ZipException e) {
            if (String.valueOf(e.getMessage()).contains("encrypted")) {
                throw ScaffoldRejectedException.malformed("archive",
                        "the zip contains an encrypted entry; upload it without a password");
            }
            throw ScaffoldRejectedException.malformed("archive", "the zip archive is corrupt");
        } catch (EOFException e) {
            throw ScaffoldRejectedException.malformed("archive", "the zip archive is truncated");
        } catch (IOException e) {
            throw ScaffoldRejectedException.malformed("archive", "the zip archive is corrupt");
        }
        return assembly.finish(rootFolder, "archive");
    }

    private static ZipEntry next(ZipInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            // ZipInputStream's way of saying an entry name is not valid UTF-8.
            throw ScaffoldRejectedException.malformed("archive", "a zip entry name is not valid UTF-8");
        }
    }
}
