package dev.deploygateway.scaffold;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * Counts the bytes read through it and fails the read that would pass {@code max}, so an archive (compressed
 * side) or a decompressed tar stream stops at its limit however large it claims or turns out to be.
 */
final class MeteredStream extends FilterInputStream {

    private final long max;
    private final Supplier<RuntimeException> overLimit;
    private final boolean source;
    private long count;

    private MeteredStream(InputStream in, long max, Supplier<RuntimeException> overLimit, boolean source) {
        super(in);
        this.max = max;
        this.overLimit = overLimit;
        this.source = source;
    }

    /** Meters the raw upload; its read failures are reported as {@link SourceFailure} (not the client's fault). */
    static MeteredStream overSource(InputStream in, long max, Supplier<RuntimeException> overLimit) {
        return new MeteredStream(in, max, overLimit, true);
    }

    /** Meters a decompressed stream; its read failures (corrupt data) pass through unchanged. */
    static MeteredStream overDecompressed(InputStream in, long max, Supplier<RuntimeException> overLimit) {
        return new MeteredStream(in, max, overLimit, false);
    }

    /** Bytes read so far. */
    long count() {
        return count;
    }

    /** An I/O failure of the source itself (disk, client gone), as opposed to a corrupt archive. */
    static final class SourceFailure extends IOException {
        SourceFailure(IOException cause) {
            super("Reading the upload failed", cause);
        }
    }

    @Override
    public int read() throws IOException {
        int b;
        try {
            b = super.read();
        } catch (IOException e) {
            throw source ? new SourceFailure(e) : e;
        }
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException e) {
            throw source ? new SourceFailure(e) : e;
        }
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipping still consumes input: route it through read so it is counted.
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    /** The caller owns the source stream; closing a decompressor on top must not close it. */
    @Override
    public void close() {
        // intentionally empty
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void advance(long n) {
        count += n;
        if (count > max) {
            throw overLimit.get();
        }
    }
}
