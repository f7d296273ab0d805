package dev.deploygateway.store;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/**
 * Readiness of the shared store. With Redis configured: DOWN while Redis does not answer a PING within the
 * command timeout (or the breaker is open), so a load balancer stops routing to an instance that cannot share
 * state. Without Redis: UP, saying the instance runs single-instance on memory. Liveness never looks at Redis:
 * restarting the process would not bring Redis back.
 */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements AsyncHealthCheck {

    private static final String NAME = "shared-store";

    private final SharedStore store;

    public StoreReadinessCheck(SharedStore store) {
        this.store = store;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (store.kind() == StoreKind.MEMORY) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).up()
                    .withData("backend", "memory").withData("mode", "single-instance").build());
        }
        return store.ping()
                .map(ok -> HealthCheckResponse.named(NAME).up().withData("backend", "redis").build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named(NAME).down()
                        .withData("backend", "redis")
                        .withData("reason", e instanceof StoreUnavailableException ? "unreachable" : "error")
                        .build());
    }
}
