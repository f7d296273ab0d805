package dev.deploygateway.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.scaffold.ScaffoldRejectedException.Limit;

/**
 * Real decompression bombs (one file of 200 MB of zeros, ~200 KB compressed) are cut off after inflating about
 * a megabyte: quickly, reading a fraction of the archive, and allocating a bounded amount of memory.
 */
class DecompressionBombTest {

    static final long BOMB_BYTES = 200L * 1024 * 1024;
    static byte[] zipBomb;
    static byte[] tarGzBomb;

    @BeforeAll
    static void buildBombs() throws IOException {
        byte[] zeros = new byte[1024 * 1024];
        var zipOut = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(zipOut)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            for (long written = 0; written < BOMB_BYTES; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        zipBomb = zipOut.toByteArray();
        var tarOut = new ByteArrayOutputStream();
        try (var tar = ArchiveFixtures.tarGzStream(tarOut)) {
            var entry = new TarArchiveEntry("zeros.bin");
            entry.setSize(BOMB_BYTES);
            tar.putArchiveEntry(entry);
            for (long written = 0; written < BOMB_BYTES; written += zeros.length) {
                tar.write(zeros);
            }
            tar.closeArchiveEntry();
        }
        tarGzBomb = tarOut.toByteArray();
    }

    @Test
    void theBombsAreRealBombs() {
        assertThat(zipBomb.length).isLessThan(400 * 1024);
        assertThat(tarGzBomb.length).isLessThan(400 * 1024);
    }

    @Test
    void aZipBombIsCutOffByTheCompressionRatio() {
        Outcome o = read(new ScaffoldReader(ScaffoldLimits.defaults()), zipBomb);
        assertThat(o.rejection().code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(o.rejection().limit()).contains(Limit.MAX_COMPRESSION_RATIO);
        assertThat(o.rejection().errors()).extracting(FieldError::field).containsExactly("archive:zeros.bin");
        o.assertBounded(zipBomb.length);
    }

    @Test
    void aTarGzBombIsCutOffByTheCompressionRatio() {
        Outcome o = read(new ScaffoldReader(ScaffoldLimits.defaults()), tarGzBomb);
        assertThat(o.rejection().limit()).contains(Limit.MAX_COMPRESSION_RATIO);
        assertThat(o.rejection().errors()).extracting(FieldError::field).containsExactly("archive:zeros.bin");
        o.assertBounded(tarGzBomb.length);
    }

    @Test
    void withoutARatioLimitTheFileSizeLimitStillStopsTheBomb() {
        var d = ScaffoldLimits.defaults();
        var noRatio = new ScaffoldLimits(d.maxFiles(), d.maxFileBytes(), d.maxTotalBytes(), d.maxArchiveBytes(),
                Integer.MAX_VALUE, d.ratioCheckFloor(), d.maxPathLength(), d.maxPathDepth());
        Outcome o = read(new ScaffoldReader(noRatio), zipBomb);
        assertThat(o.rejection().limit()).contains(Limit.MAX_FILE_BYTES);
        o.assertBounded(zipBomb.length);
    }

    record Outcome(ScaffoldRejectedException rejection, long millis, long compressedRead, long allocated) {

        void assertBounded(int archiveLength) {
            assertThat(millis).as("ms to refuse").isLessThan(3000);
            assertThat(compressedRead).as("compressed bytes read").isLessThan(archiveLength / 2);
            // Inflating the whole bomb would allocate well over 200 MB; the limits allow ~10 MB plus buffers.
            assertThat(allocated).as("bytes allocated while reading").isLessThan(64L * 1024 * 1024);
            System.out.printf("bomb refused in %d ms after reading %d of %d compressed bytes, %d bytes allocated%n",
                    millis, compressedRead, archiveLength, allocated);
        }
    }

    static Outcome read(ScaffoldReader reader, byte[] archive) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        var counting = new Counting(new ByteArrayInputStream(archive));
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        var e = catchThrowableOfType(ScaffoldRejectedException.class, () -> reader.fromArchive(counting));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        assertThat(e).as("the bomb must be refused").isNotNull();
        return new Outcome(e, millis, counting.count, allocated);
    }

    static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
