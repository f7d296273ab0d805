package dev.deploygateway.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.jboss.resteasy.reactive.RestResponse;

import dev.deploygateway.identity.CurrentCaller;
import dev.deploygateway.ratelimit.DeploymentRateLimiter;
import dev.deploygateway.ratelimit.RateLimitHeaders;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/**
 * Test-only stand-in for the deployment endpoint: admits through the limiter exactly as it will
 * ({@code admitOrFail}, headers from {@link RateLimitHeaders}), so HTTP behaviour can be tested before it exists.
 */
// Resolves the identity before the method runs, so CurrentCaller does not block the event loop (lazy auth).
@Authenticated
@Path("/api/v1/test-only/admit/{deploymentId}")
public class AdmitTestResource {

    private final CurrentCaller caller;
    private final DeploymentRateLimiter limiter;

    AdmitTestResource(CurrentCaller caller, DeploymentRateLimiter limiter) {
        this.caller = caller;
        this.limiter = limiter;
    }

    @POST
    public Uni<RestResponse<Void>> admit(@PathParam("deploymentId") String deploymentId) {
        return limiter.admitOrFail(caller.get().userId(), deploymentId).map(q -> {
            RestResponse.ResponseBuilder<Void> response = RestResponse.ResponseBuilder.create(202);
            RateLimitHeaders.of(q).forEach(response::header);
            return response.build();
        });
    }
}
