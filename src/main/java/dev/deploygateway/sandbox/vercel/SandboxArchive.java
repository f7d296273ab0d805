package dev.deploygateway.sandbox.vercel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Archive deployments, what Vercel's CLI sends with {@code --archive=tgz} (and its deploy engine with
 * {@code archive: "tgz"}): instead of the project's files the deployment lists {@code .vercel/source.tgz.part1…N}
 * (the gzip tarball cut into parts, each uploaded as a blob). Vercel builds from the unpacked tree, so the sandbox
 * joins the parts in order, unpacks them and stores every regular file as a blob of its own.
 */
final class SandboxArchive {

    private static final Pattern PART = Pattern.compile("^\\.vercel/source\\.tgz(?:\\.part(\\d+))?$");

    private SandboxArchive() {
    }

    /** {@code files} (path → SHA-1) with the archive parts replaced by the archive's contents; unchanged without. */
    static Map<String, String> expand(Map<String, String> files, SandboxBlobs blobs, String ownerId, long maxBytes) {
        Map<Integer, String> parts = new LinkedHashMap<>();
        var others = new LinkedHashMap<String, String>();
        files.forEach((path, sha) -> {
            Matcher m = PART.matcher(path);
            if (m.matches()) {
                parts.put(m.group(1) == null ? 1 : Integer.parseInt(m.group(1)), sha);
            } else {
                others.put(path, sha);
            }
        });
        if (parts.isEmpty()) {
            return files;
        }
        List<InputStream> streams = parts.entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey))
                .map(e -> (InputStream) new ByteArrayInputStream(blobs.get(ownerId, e.getValue())
                        .orElseThrow(() -> SandboxError.of(400, "missing_files", "Missing files",
                                Map.of("missing", List.of(e.getValue()))))))
                .toList();
        var expanded = new LinkedHashMap<>(others);
        long total = 0;
        try (var tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new SequenceInputStream(Collections.enumeration(streams))), "UTF-8")) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (!entry.isFile()) {
                    continue;
                }
                String name = entry.getName().replaceFirst("^\\./", "");
                if (name.isEmpty() || name.startsWith("/") || ("/" + name + "/").contains("/../")) {
                    throw SandboxError.badRequest("Invalid file path in the archive: `" + name + "`");
                }
                total += entry.getSize();
                if (total > maxBytes) {
                    throw SandboxError.badRequest("The archive inflates beyond " + maxBytes + " bytes");
                }
                byte[] content = tar.readAllBytes();
                String sha = SandboxFileResource.sha1(content);
                blobs.put(ownerId, sha, content);
                expanded.put(name, sha);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw SandboxError.badRequest("Invalid archive `.vercel/source.tgz`: " + e.getMessage());
        }
        return expanded;
    }
}
