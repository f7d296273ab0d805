package dev.deploygateway.platform;

/**
 * Told about upload progress: files and bytes the platform needed, and how many of them are sent so far.
 * A platform that already has every file reports {@code (0, 0, 0, 0)} once. Called from I/O threads: must
 * not block.
 */
@FunctionalInterface
public interface UploadProgress {

    UploadProgress NONE = (filesSent, filesNeeded, bytesSent, bytesNeeded) -> {};

    void update(int filesSent, int filesNeeded, long bytesSent, long bytesNeeded);
}
