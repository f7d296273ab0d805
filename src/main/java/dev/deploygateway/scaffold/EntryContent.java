package dev.deploygateway.scaffold;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import dev.deploygateway.scaffold.ScaffoldRejectedException.Limit;

/**
 * Reads one archive entry's content into memory while enforcing the per-file, total and compression-ratio
 * limits on the bytes actually produced. Declared sizes are never trusted: a bomb is cut off at the first
 * buffer that crosses a limit, after inflating at most that limit (plus one buffer).
 */
final class EntryContent {

    private static final int BUFFER = 16 * 1024;

    private final ScaffoldLimits limits;

    EntryContent(ScaffoldLimits limits) {
        this.limits = limits;
    }

    /**
     * @param entry the decompressed content of one entry
     * @param compressed the metered compressed input under the decompressor, to measure the entry's ratio
     * @param alreadyAccepted bytes of earlier files, for the total limit
     */
    byte[] read(InputStream entry, MeteredStream compressed, long alreadyAccepted, String field) throws IOException {
        long compressedAtStart = compressed.count();
        var out = new ByteArrayOutputStream(BUFFER);
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        int n;
        while ((n = entry.read(buffer)) != -1) {
            size += n;
            if (size > limits.maxFileBytes()) {
                throw ScaffoldRejectedException.tooLarge(Limit.MAX_FILE_BYTES, limits.maxFileBytes(), field,
                        "a file is larger than " + limits.maxFileBytes() + " bytes");
            }
            if (alreadyAccepted + size > limits.maxTotalBytes()) {
                throw BundleAssembly.totalTooLarge(limits, field);
            }
            // The decompressor reads ahead by at most its small input buffer, so the compressed count is a
            // slight over-estimate: the ratio is measured leniently, never too strictly.
            long compressedSoFar = Math.max(1, compressed.count() - compressedAtStart);
            if (size > limits.ratioCheckFloor() && size / compressedSoFar > limits.maxCompressionRatio()) {
                throw ScaffoldRejectedException.tooLarge(Limit.MAX_COMPRESSION_RATIO, limits.maxCompressionRatio(),
                        field, "an entry expands more than " + limits.maxCompressionRatio()
                                + " times (a decompression bomb?)");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
