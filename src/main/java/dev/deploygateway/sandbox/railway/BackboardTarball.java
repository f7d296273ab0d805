package dev.deploygateway.sandbox.railway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks an {@code /up} body: gzip, then tar (ustar/PAX, UTF-8 names), entries named {@code ./<path>}. Only regular
 * files are kept, byte-exactly. Unsafe paths ({@code ..}, absolute) and archives that inflate beyond a bound are
 * rejected as a 400, like a malformed archive.
 */
final class BackboardTarball {

    static final class Rejected extends RuntimeException {
        Rejected(String message) {
            super(message);
        }
    }

    private BackboardTarball() {
    }

    static Map<String, byte[]> unpack(byte[] body, long maxInflatedBytes) {
        var files = new LinkedHashMap<String, byte[]>();
        long total = 0;
        try (var tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(body)),
                "UTF-8")) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) {
                    continue;
                }
                String name = entry.getName();
                name = name.startsWith("./") ? name.substring(2) : name;
                if (name.isEmpty() || name.startsWith("/") || name.contains("\\")
                        || ("/" + name + "/").contains("/../")) {
                    throw new Rejected("Unsafe path in archive: " + name);
                }
                total += entry.getSize();
                if (total > maxInflatedBytes) {
                    throw new Rejected("Archive inflates beyond " + maxInflatedBytes + " bytes");
                }
                files.put(name, tar.readAllBytes());
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new Rejected("Invalid gzip tarball: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new Rejected("The archive contains no files");
        }
        return files;
    }
}
