package dev.deploygateway.platform;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.scaffold.SourceBundle;

/**
 * A platform's pre-flight limits on one upload, checked the same way for every platform before anything is
 * created: at least one file, at most {@code maxFiles}, no file over {@code maxFileBytes}, at most
 * {@code maxTotalBytes} in all (uncompressed, which bounds a tarball from above).
 */
public record SourceLimits(int maxFiles, long maxFileBytes, long maxTotalBytes) {

    /**
     * The bundle as a {@link PreparedSource} of {@code platform}, or {@link ErrorCode#UPLOAD_REJECTED} (step UPLOAD,
     * not retryable) naming the first limit it breaks. Pure: no network.
     */
    public PreparedSource check(PlatformId platform, SourceBundle bundle) {
        String name = Platforms.displayName(platform);
        String problem = null;
        if (bundle.fileCount() == 0) {
            problem = "The project has no files";
        } else if (bundle.fileCount() > maxFiles) {
            problem = name + " accepts at most " + maxFiles + " files per deployment; this has " + bundle.fileCount();
        } else if (bundle.totalBytes() > maxTotalBytes) {
            problem = "The upload is " + bundle.totalBytes() + " bytes; " + name + "'s limit is " + maxTotalBytes;
        } else {
            problem = bundle.files().stream().filter(f -> f.size() > maxFileBytes).findFirst()
                    .map(f -> f.path() + " is " + f.size() + " bytes; the per-file limit is " + maxFileBytes)
                    .orElse(null);
        }
        if (problem != null) {
            throw PlatformException.of(ErrorCode.UPLOAD_REJECTED, platform, PlatformStep.UPLOAD, false, problem);
        }
        return new PreparedSource(platform, bundle);
    }
}
