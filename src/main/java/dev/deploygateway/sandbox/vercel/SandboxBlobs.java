package dev.deploygateway.sandbox.vercel;

import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Uploaded file contents per owner, addressed by SHA-1, in insertion order so the oldest are evicted first
 * when {@code sandbox.vercel.max-blob-bytes} is exceeded. Counts what {@code /v2/files} received, which the
 * tests use to prove that an unchanged re-upload sends zero bytes.
 */
@ApplicationScoped
class SandboxBlobs {

    private final LinkedHashMap<String, byte[]> blobs = new LinkedHashMap<>();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong uploads = new AtomicLong();
    private final long maxBytes;
    private long storedBytes;

    SandboxBlobs(SandboxVercelConfig config) {
        this.maxBytes = config.maxBlobBytes();
    }

    /** Records the bytes of one {@code /v2/files} request, whether or not it is then accepted. */
    void received(long bytes) {
        uploads.incrementAndGet();
        bytesReceived.addAndGet(bytes);
    }

    synchronized void put(String ownerId, String sha, byte[] content) {
        byte[] previous = blobs.put(ownerId + "/" + sha, content);
        storedBytes += content.length - (previous == null ? 0 : previous.length);
        var it = blobs.entrySet().iterator();
        while (storedBytes > maxBytes && it.hasNext()) {
            var oldest = it.next();
            storedBytes -= oldest.getValue().length;
            it.remove();
        }
    }

    synchronized Optional<byte[]> get(String ownerId, String sha) {
        return Optional.ofNullable(blobs.get(ownerId + "/" + sha));
    }

    synchronized boolean has(String ownerId, String sha) {
        return blobs.containsKey(ownerId + "/" + sha);
    }

    long bytesReceived() {
        return bytesReceived.get();
    }

    long uploads() {
        return uploads.get();
    }

    synchronized int count() {
        return blobs.size();
    }
}
