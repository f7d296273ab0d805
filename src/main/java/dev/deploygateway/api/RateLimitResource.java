package dev.deploygateway.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

import dev.deploygateway.identity.CurrentCaller;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.ratelimit.Quota;
import dev.deploygateway.ratelimit.RateLimitHeaders;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** The caller's deployment quota, with the same headers a deployment response carries. */
// Resolves the identity before the method runs, so CurrentCaller does not block the event loop (lazy auth).
@Authenticated
@Path("/api/v1/rate-limit")
@Produces(MediaType.APPLICATION_JSON)
public class RateLimitResource {

    private final CurrentCaller caller;
    private final DeploymentRateLimiter limiter;

    RateLimitResource(CurrentCaller caller, DeploymentRateLimiter limiter) {
        this.caller = caller;
        this.limiter = limiter;
    }

    @GET
    @Operation(summary = "The caller's deployment quota",
            description = "Deployments admitted in any rolling window are limited per user; this reports how many "
                    + "remain, when the oldest admission leaves the window, and how long to wait when none remain.")
    public Uni<RestResponse<QuotaView>> quota() {
        String userId = caller.get().userId();
        return limiter.info(userId).map(q -> {
            RestResponse.ResponseBuilder<QuotaView> response = RestResponse.ResponseBuilder.ok(QuotaView.of(q));
            RateLimitHeaders.of(q).forEach(response::header);
            return response.build();
        });
    }

    /**
     * The quota as JSON.
     *
     * @param reset ISO-8601 instant when the oldest admission leaves the window (now when there is none)
     * @param retryAfterSeconds 0 while {@code remaining > 0}, else seconds until the next admission can succeed
     */
    public record QuotaView(int limit, int remaining, long windowSeconds, String reset, long retryAfterSeconds) {

        static QuotaView of(Quota q) {
            return new QuotaView(q.limit(), q.remaining(), q.window().toSeconds(), q.reset().toString(),
                    q.retryAfterSeconds());
        }
    }
}
