package dev.deploygateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits applied to an uploaded project (JSON files map or archive) before anything is stored or created.
 * They bound the memory one upload can take (files are held in memory as a {@code SourceBundle}) and cut off
 * decompression bombs while they are being read. Sizes accept plain bytes or {@code K}/{@code M}/{@code G}
 * suffixes (binary multiples).
 */
@ConfigMapping(prefix = "gateway.scaffold")
public interface ScaffoldConfig {

    /** {@code SCAFFOLD_MAX_FILES}: the most files one project may contain (directories are not counted). */
    @WithDefault("5000")
    int maxFiles();

    /** {@code SCAFFOLD_MAX_FILE_BYTES}: the largest uncompressed size of any single file. */
    @WithDefault("10M")
    MemorySize maxFileBytes();

    /** {@code SCAFFOLD_MAX_TOTAL_BYTES}: the largest uncompressed size of all files together. */
    @WithDefault("50M")
    MemorySize maxTotalBytes();

    /** {@code SCAFFOLD_MAX_ARCHIVE_BYTES}: the largest compressed archive (.zip or .tar.gz) accepted. */
    @WithDefault("50M")
    MemorySize maxArchiveBytes();

    /**
     * {@code SCAFFOLD_MAX_COMPRESSION_RATIO}: the most uncompressed bytes an archive entry may expand to per
     * compressed byte. Source code compresses 3-10x; a ratio far beyond that is a decompression bomb.
     * Checked only once an entry passes {@link #ratioCheckFloor()}, so a small, highly repetitive file is fine.
     */
    @WithDefault("200")
    int maxCompressionRatio();

    /** {@code SCAFFOLD_RATIO_CHECK_FLOOR}: entries smaller than this are never refused for their ratio. */
    @WithDefault("1M")
    MemorySize ratioCheckFloor();

    /** {@code SCAFFOLD_MAX_PATH_LENGTH}: the longest file path, in UTF-8 bytes after normalisation. */
    @WithDefault("1024")
    int maxPathLength();

    /** {@code SCAFFOLD_MAX_PATH_DEPTH}: the most path segments (folders plus the file name) of a file path. */
    @WithDefault("32")
    int maxPathDepth();
}
