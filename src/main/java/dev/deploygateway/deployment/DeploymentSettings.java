package dev.deploygateway.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.deploygateway.platform.DatabaseInfo;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.ProjectSpec;
import dev.deploygateway.source.PushedCommit;
import dev.deploygateway.source.RepositoryTarget;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the caller asked for, validated, without the source and without env values (those are encrypted apart).
 * Kept with the record so that a redeploy repeats exactly these settings. {@code source} and {@code service} are
 * for platforms that build only from git (Render): where the project is pushed, and the service to create.
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
        List<EnvKey> env,
        Optional<SourceOptions> source,
        Optional<DeploySpec.ServiceOptions> service) {

    public DeploymentSettings {
        env = List.copyOf(env);
        // Records stored before these members existed read back as null.
        source = source == null ? Optional.empty() : source;
        service = service == null ? Optional.empty() : service;
    }

    public DeploymentSettings(PlatformId platform, String projectName, Target target, Optional<String> framework,
            Optional<String> buildCommand, Optional<String> installCommand, Optional<String> outputDirectory,
            Optional<String> rootDirectory, Optional<String> teamId, Optional<DatabaseInfo.Kind> database,
            List<EnvKey> env) {
        this(platform, projectName, target, framework, buildCommand, installCommand, outputDirectory, rootDirectory,
                teamId, database, env, Optional.empty(), Optional.empty());
    }

    public ProjectSpec projectSpec() {
        return new ProjectSpec(projectName, framework, buildCommand, installCommand, outputDirectory, rootDirectory);
    }

    public DeploySpec deploySpec(String deploymentId) {
        return new DeploySpec(target == Target.PRODUCTION, Map.of("deployGatewayId", deploymentId));
    }

    /** The repository a git-only platform's source goes to: by default a private one named like the project. */
    public RepositoryTarget repositoryTarget() {
        var options = source.orElse(SourceOptions.DEFAULTS);
        return new RepositoryTarget(options.owner(), options.repository().orElse(projectName),
                options.visibility().orElse(RepositoryTarget.Visibility.PRIVATE), options.branch());
    }

    /** What a git-only platform builds: the pushed commit, and what a service it creates must have from the start. */
    public DeploySpec.GitSource gitSource(PushedCommit pushed, List<EnvVar> environment) {
        return new DeploySpec.GitSource(pushed.repositoryUrl(), pushed.branch(), pushed.commitSha(),
                pushed.privateRepository(), projectSpec(), service.orElse(DeploySpec.ServiceOptions.DEFAULTS),
                environment, database);
    }

    /** Where a git-only platform's source goes; empty values take the defaults of {@link #repositoryTarget()}. */
    @RegisterForReflection
    public record SourceOptions(Optional<String> owner, Optional<String> repository,
            Optional<RepositoryTarget.Visibility> visibility, Optional<String> branch) {

        static final SourceOptions DEFAULTS = new SourceOptions(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());

        public SourceOptions {
            owner = owner == null ? Optional.empty() : owner;
            repository = repository == null ? Optional.empty() : repository;
            visibility = visibility == null ? Optional.empty() : visibility;
            branch = branch == null ? Optional.empty() : branch;
        }
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
