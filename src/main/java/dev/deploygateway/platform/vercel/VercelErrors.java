package dev.deploygateway.platform.vercel;

import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.ws.rs.WebApplicationException;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;

/** Vercel failures → the gateway's taxonomy. The platform's message is kept; it never contains our token. */
final class VercelErrors {

    private VercelErrors() {
    }

    static Throwable map(PlatformStep step, Throwable failure) {
        if (failure instanceof PlatformException) {
            return failure;
        }
        if (failure instanceof VercelApiException api) {
            if (api.missingFiles()) {
                return api; // part of the upload protocol, handled by the uploader
            }
            return fromApi(step, api);
        }
        if (failure instanceof WebApplicationException web) {
            // Streaming methods bypass the exception mapper and fail with the plain JAX-RS exception.
            return fromApi(step, VercelApiException.from(web.getResponse().getStatus(), "",
                    web.getResponse().getHeaderString("Retry-After")));
        }
        if (failure instanceof TimeoutException) {
            return new PlatformException(ErrorCode.TIMED_OUT, PlatformId.VERCEL, step, true,
                    "Vercel did not answer in time", Optional.empty(), Optional.empty(), Optional.empty(), failure);
        }
        return new PlatformException(ErrorCode.PLATFORM_UNAVAILABLE, PlatformId.VERCEL, step, true,
                "Vercel could not be reached", Optional.empty(), Optional.empty(), Optional.empty(), failure);
    }

    private static PlatformException fromApi(PlatformStep step, VercelApiException api) {
        ErrorCode code;
        boolean retryable = false;
        String detail;
        if (api.status == 401 || api.status == 403 || "invalid_grant".equals(api.code)) {
            code = ErrorCode.RECONNECT_REQUIRED;
            detail = "Vercel rejected the connection's token or its access to this team; reconnect Vercel";
        } else if (api.status == 429) {
            code = ErrorCode.RATE_LIMITED;
            retryable = true;
            detail = "Vercel's rate limit was reached";
        } else if (api.status == 409 && step == PlatformStep.CREATE) {
            code = ErrorCode.PROJECT_NAME_TAKEN;
            detail = "A Vercel project with this name already exists";
        } else if (api.status == 404) {
            code = ErrorCode.NOT_FOUND;
            detail = "Vercel does not know this resource";
        } else if (api.status >= 500) {
            code = ErrorCode.PLATFORM_UNAVAILABLE;
            retryable = true;
            detail = "Vercel failed (" + api.status + ")";
        } else if (step == PlatformStep.UPLOAD || step == PlatformStep.DEPLOY) {
            code = ErrorCode.UPLOAD_REJECTED;
            detail = "Vercel rejected the deployment";
        } else {
            code = ErrorCode.VALIDATION_FAILED;
            detail = "Vercel rejected the request";
        }
        return new PlatformException(code, PlatformId.VERCEL, step, retryable, detail, Optional.of(api.code),
                Optional.of(api.platformMessage).filter(m -> !m.isBlank()), api.retryAfter, api);
    }
}
