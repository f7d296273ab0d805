package dev.deploygateway.api.deployment;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code POST /api/v1/deployments} (JSON), or its {@code settings} part (multipart, where
 * {@code files} is absent and the source comes as an archive). Checked by {@link DeploymentRequestValidator}.
 * {@code source} and {@code service} apply only to platforms that build from git (Render).
 * Instead of {@code files}, a JSON body may name a source registered with {@code POST /api/v1/sources}
 * ({@code sourceId}).
 */
@RegisterForReflection
public record DeploymentRequest(
        String platform,
        String projectName,
        String target,
        String framework,
        String buildCommand,
        String installCommand,
        String outputDirectory,
        String rootDirectory,
        List<EnvEntry> env,
        String teamId,
        String database,
        Map<String, FileEntry> files,
        String sourceId,
        SourceEntry source,
        ServiceEntry service) {

    /** Where a git-only platform's source is pushed: the repository, its owner, visibility and branch. */
    @RegisterForReflection
    public record SourceEntry(String owner, String repository, String visibility, String branch) {
    }

    /** The service a git-only platform creates: its type, start command, runtime, plan and region. */
    @RegisterForReflection
    public record ServiceEntry(String type, String startCommand, String runtime, String plan, String region) {
    }

    /** One environment variable. */
    @RegisterForReflection
    public record EnvEntry(String key, String value, Boolean sensitive) {
        @Override
        public String toString() {
            return "EnvEntry[" + key + "]";
        }
    }

    /** One file of a JSON-submitted project. */
    @RegisterForReflection
    public record FileEntry(String content, String encoding) {
    }
}
