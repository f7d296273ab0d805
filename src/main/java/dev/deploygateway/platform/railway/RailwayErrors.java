package dev.deploygateway.platform.railway;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;

/** Railway failures → the gateway's taxonomy. The platform's message is kept; it never contains our token. */
final class RailwayErrors {

    private RailwayErrors() {
    }

    static PlatformException map(PlatformStep step, Throwable failure) {
        if (failure instanceof PlatformException p) {
            return p;
        }
        if (failure instanceof RailwayApiException api) {
            return fromApi(step, api);
        }
        if (failure instanceof TimeoutException) {
            return new PlatformException(ErrorCode.TIMED_OUT, PlatformId.RAILWAY, step, true,
                    "Railway did not answer in time", Optional.empty(), Optional.empty(), Optional.empty(), failure);
        }
        return new PlatformException(ErrorCode.PLATFORM_UNAVAILABLE, PlatformId.RAILWAY, step, true,
                "Railway could not be reached", Optional.empty(), Optional.empty(), Optional.empty(), failure);
    }

    private static PlatformException fromApi(PlatformStep step, RailwayApiException api) {
        ErrorCode code;
        boolean retryable = false;
        String detail;
        String message = api.platformMessage.toLowerCase(Locale.ROOT);
        if (api.notAuthorized()) {
            // Railway says "Not Authorized" both for a dead token and for a resource the token may not see.
            code = ErrorCode.RECONNECT_REQUIRED;
            detail = "Railway rejected the connection's token or its access to this resource; reconnect Railway";
        } else if (api.status == 429) {
            code = ErrorCode.RATE_LIMITED;
            retryable = true;
            detail = "Railway's rate limit was reached";
        } else if (api.status == 413) {
            code = ErrorCode.UPLOAD_REJECTED;
            detail = "Railway rejected the upload as too large";
        } else if (api.status >= 500) {
            code = ErrorCode.PLATFORM_UNAVAILABLE;
            retryable = true;
            detail = "Railway failed (" + api.status + ")";
        } else if (message.contains("not found")) {
            code = ErrorCode.NOT_FOUND;
            detail = "Railway does not know this resource";
        } else if (step == PlatformStep.UPLOAD || step == PlatformStep.DEPLOY) {
            code = ErrorCode.UPLOAD_REJECTED;
            detail = "Railway rejected the deployment";
        } else {
            code = ErrorCode.VALIDATION_FAILED;
            detail = "Railway rejected the request";
        }
        return new PlatformException(code, PlatformId.RAILWAY, step, retryable, detail,
                Optional.of(api.code).filter(c -> !c.isBlank()),
                Optional.of(api.platformMessage).filter(m -> !m.isBlank()), api.retryAfter, api);
    }
}
