package dev.deploygateway.api.deployment;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.deploygateway.deployment.DeploymentError;
import dev.deploygateway.deployment.DeploymentRecord;
import dev.deploygateway.events.SecretRedactor;
import dev.deploygateway.platform.EnvVar;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A deployment as its owner sees it. Sensitive env values are always masked. {@code database} is the engine asked
 * for ({@code postgres}), or null; what was provisioned and wired is in the deployment's {@code provision} events.
 */
@RegisterForReflection
public record DeploymentView(
        String id,
        String platform,
        String projectName,
        String target,
        String database,
        String status,
        String step,
        String url,
        String platformDeploymentId,
        String redeployOf,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        DeploymentError error,
        List<EnvView> env,
        Map<String, String> links) {

    static DeploymentView of(DeploymentRecord r, List<EnvVar> env) {
        String self = "/api/v1/deployments/" + r.id();
        return new DeploymentView(r.id(), r.platformKey(), r.settings().projectName(),
                r.settings().target().name().toLowerCase(),
                r.settings().database().map(d -> d.name().toLowerCase(Locale.ROOT)).orElse(null), r.status().name(),
                r.step().orElse(null),
                r.url().orElse(null), r.platformDeploymentId().orElse(null), r.redeployOf().orElse(null),
                r.createdAt(), r.updatedAt(), r.finishedAt().orElse(null), r.error().orElse(null),
                env.stream().map(v -> new EnvView(v.key(), v.sensitive() ? SecretRedactor.MASK : v.value(),
                        v.sensitive())).toList(),
                Map.of("self", self, "events", self + "/events"));
    }

    /** An env variable as shown back. */
    @RegisterForReflection
    public record EnvView(String key, String value, boolean sensitive) {
    }
}
