package dev.deploygateway.platform.vercel;

import jakarta.ws.rs.WebApplicationException;

import dev.deploygateway.platform.PlatformErrors;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;

/** Vercel failures → the shared taxonomy ({@link PlatformErrors}), after Vercel's own two special cases. */
final class VercelErrors {

    private VercelErrors() {
    }

    static Throwable map(PlatformStep step, Throwable failure) {
        if (failure instanceof VercelApiException api && api.missingFiles()) {
            return api; // part of the upload protocol, handled by the uploader
        }
        if (failure instanceof WebApplicationException web) {
            // Streaming methods bypass the exception mapper and fail with the plain JAX-RS exception.
            return PlatformErrors.map(PlatformId.VERCEL, step, VercelApiException.from(web.getResponse().getStatus(),
                    "", web.getResponse().getHeaderString("Retry-After")));
        }
        return PlatformErrors.map(PlatformId.VERCEL, step, failure);
    }
}
