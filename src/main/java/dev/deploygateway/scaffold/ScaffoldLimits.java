package dev.deploygateway.scaffold;

import dev.deploygateway.config.ScaffoldConfig;

/**
 * The limits one uploaded project must stay within, as plain values so the intake can be unit-tested without
 * CDI. See {@link ScaffoldConfig} for the meaning and environment variable of each.
 */
public record ScaffoldLimits(int maxFiles, long maxFileBytes, long maxTotalBytes, long maxArchiveBytes,
        int maxCompressionRatio, long ratioCheckFloor, int maxPathLength, int maxPathDepth) {

    private static final long MIB = 1024L * 1024;

    public ScaffoldLimits {
        if (maxFiles < 1 || maxFileBytes < 1 || maxTotalBytes < 1 || maxArchiveBytes < 1 || maxCompressionRatio < 1
                || ratioCheckFloor < 0 || maxPathLength < 1 || maxPathDepth < 1) {
            throw new IllegalArgumentException("Scaffold limits must be positive: " + this);
        }
    }

    /** The shipped defaults (also the {@code @WithDefault}s of {@link ScaffoldConfig}). */
    public static ScaffoldLimits defaults() {
        return new ScaffoldLimits(5000, 10 * MIB, 50 * MIB, 50 * MIB, 200, MIB, 1024, 32);
    }

    public static ScaffoldLimits of(ScaffoldConfig c) {
        return new ScaffoldLimits(c.maxFiles(), c.maxFileBytes().asLongValue(), c.maxTotalBytes().asLongValue(),
                c.maxArchiveBytes().asLongValue(), c.maxCompressionRatio(), c.ratioCheckFloor().asLongValue(),
                c.maxPathLength(), c.maxPathDepth());
    }

    /**
     * Entries of any kind (files, folders, skipped metadata) an archive may hold. Folders are free, but not
     * unboundedly: a gzip of a million empty folder headers is a few kilobytes.
     */
    long maxArchiveEntries() {
        return 2L * maxFiles + 16;
    }

    /**
     * Bytes the decompressed tar stream may hold in total: the files plus generous room for headers (512 bytes
     * each, more with pax records) and padding, so header-only bombs are cut off too.
     */
    long maxTarStreamBytes() {
        return maxTotalBytes + maxArchiveEntries() * 4096;
    }
}
