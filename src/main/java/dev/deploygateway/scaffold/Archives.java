package dev.deploygateway.scaffold;

import dev.deploygateway.scaffold.ScaffoldRejectedException.Limit;

/** The archive formats the intake recognises by their first bytes, and the limits shared by both readers. */
enum Archives {
    ZIP,
    TAR_GZ;

    /** The format whose magic number {@code head} starts with, or null. */
    static Archives detect(byte[] head) {
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K'
                && ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6))) {
            // PK\3\4 starts a local file header; PK\5\6 is an empty zip's end-of-central-directory record.
            return ZIP;
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return TAR_GZ;
        }
        return null;
    }

    static ScaffoldRejectedException tooLarge(ScaffoldLimits limits) {
        return ScaffoldRejectedException.tooLarge(Limit.MAX_ARCHIVE_BYTES, limits.maxArchiveBytes(), "archive",
                "the archive is larger than " + limits.maxArchiveBytes() + " bytes");
    }

    static void countEntry(long entries, ScaffoldLimits limits) {
        if (entries > limits.maxArchiveEntries()) {
            throw ScaffoldRejectedException.tooLarge(Limit.MAX_FILES, limits.maxFiles(), "archive",
                    "the archive has more than " + limits.maxArchiveEntries() + " entries");
        }
    }
}
