package dev.deploygateway.deployment;

import java.util.List;
import java.util.Optional;

import dev.deploygateway.platform.DatabaseInfo;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.ProjectSpec;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the caller asked for, validated, without the source and without env values (those are encrypted apart).
 * Kept with the record so that a redeploy repeats exactly these settings.
 */
@RegisterForReflection
public record DeploymentSettings(
        PlatformId platform,
        String projectName,
        Target target,
        Optional<String> framework,
        Optional<String> buildCommand,
        Optional<String> installCommand,
        Optional<String> outputDirectory,
        Optional<String> rootDirectory,
        Optional<String> teamId,
        Optional<DatabaseInfo.Kind> database,
        List<EnvKey> env) {

    public DeploymentSettings {
        env = List.copyOf(env);
    }

    public ProjectSpec projectSpec() {
        return new ProjectSpec(projectName, framework, buildCommand, installCommand, outputDirectory, rootDirectory);
    }

    public DeploySpec deploySpec(String deploymentId) {
        return new DeploySpec(target == Target.PRODUCTION, java.util.Map.of("deployGatewayId", deploymentId));
    }

    /** Preview or production. */
    public enum Target {
        PREVIEW, PRODUCTION
    }

    /** An env variable's name and whether its value is secret; the value is stored encrypted elsewhere. */
    @RegisterForReflection
    public record EnvKey(String key, boolean sensitive) {
    }
}
