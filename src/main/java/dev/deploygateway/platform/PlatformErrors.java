package dev.deploygateway.platform;

import java.util.Optional;
import java.util.concurrent.TimeoutException;

import dev.deploygateway.error.ErrorCode;

/**
 * Platform failures → the gateway's error taxonomy, the same for every platform (ARCHITECTURE §4). The platform's
 * own code and message are kept; they never contain our token.
 */
public final class PlatformErrors {

    private PlatformErrors() {
    }

    /** The final failure of a call in {@code step}, as the caller sees it. */
    public static PlatformException map(PlatformId platform, PlatformStep step, Throwable failure) {
        String name = Platforms.displayName(platform);
        if (failure instanceof PlatformException known) {
            return known;
        }
        if (failure instanceof PlatformApiException api) {
            return fromApi(platform, step, api);
        }
        if (failure instanceof TimeoutException) {
            return new PlatformException(ErrorCode.TIMED_OUT, platform, step, true, name + " did not answer in time",
                    Optional.empty(), Optional.empty(), Optional.empty(), failure);
        }
        return new PlatformException(ErrorCode.PLATFORM_UNAVAILABLE, platform, step, true,
                name + " could not be reached", Optional.empty(), Optional.empty(), Optional.empty(), failure);
    }

    private static PlatformException fromApi(PlatformId platform, PlatformStep step, PlatformApiException api) {
        String name = Platforms.displayName(platform);
        ErrorCode code;
        boolean retryable = false;
        String detail;
        if (api.rejectsCredential()) {
            // Platforms answer alike for a dead token and for a resource the token may not see.
            code = ErrorCode.RECONNECT_REQUIRED;
            detail = name + " rejected the connection's token or its access to this resource; reconnect " + name;
        } else if (api.status() == 429) {
            code = ErrorCode.RATE_LIMITED;
            retryable = true;
            detail = name + "'s rate limit was reached";
        } else if (api.status() == 413) {
            code = ErrorCode.UPLOAD_REJECTED;
            detail = name + " rejected the upload as too large";
        } else if (api.status() == 409 && step == PlatformStep.CREATE) {
            code = ErrorCode.PROJECT_NAME_TAKEN;
            detail = "A " + name + " project with this name already exists";
        } else if (api.notFound()) {
            code = ErrorCode.NOT_FOUND;
            detail = name + " does not know this resource";
        } else if (api.status() >= 500) {
            code = ErrorCode.PLATFORM_UNAVAILABLE;
            retryable = true;
            detail = name + " failed (" + api.status() + ")";
        } else if (step == PlatformStep.UPLOAD || step == PlatformStep.DEPLOY) {
            code = ErrorCode.UPLOAD_REJECTED;
            detail = name + " rejected the deployment";
        } else {
            code = ErrorCode.VALIDATION_FAILED;
            detail = name + " rejected the request";
        }
        return new PlatformException(code, platform, step, retryable, detail,
                Optional.of(api.code()).filter(c -> !c.isBlank()),
                Optional.of(api.platformMessage()).filter(m -> !m.isBlank()), api.retryAfter(), api);
    }
}
