package dev.deploygateway.deployment;

/** Internal signal of a run: the user canceled before anything was uploaded; the run already ended. */
final class CanceledBeforeUpload extends RuntimeException {

    CanceledBeforeUpload() {
        super("canceled before upload", null, false, false);
    }
}
