package dev.deploygateway.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to deploy: to production or as a preview, with free-form metadata (e.g. the gateway's deployment id,
 * so a platform-side record can be traced back), and, for a platform that builds only from git, what to build.
 */
public record DeploySpec(boolean production, Map<String, String> meta, Optional<GitSource> git) {

    public DeploySpec {
        meta = Map.copyOf(meta);
        git = git == null ? Optional.empty() : git;
    }

    public DeploySpec(boolean production, Map<String, String> meta) {
        this(production, meta, Optional.empty());
    }

    public static DeploySpec toProduction() {
        return new DeploySpec(true, Map.of());
    }

    public static DeploySpec asPreview() {
        return new DeploySpec(false, Map.of());
    }

    /** The same spec, building {@code source}. */
    public DeploySpec withGit(GitSource source) {
        return new DeploySpec(production, meta, Optional.of(source));
    }

    /**
     * A git-only platform's build (Render creates a service and starts its first build in one call): the commit a
     * source host pushed, and everything a service created by this deploy must have before that build starts: its
     * build settings, service options, environment and whether a database was provisioned for it.
     *
     * @param privateRepository whether the platform needs its own access to the repository to read it
     */
    public record GitSource(URI repository, String branch, String commitSha, boolean privateRepository,
            ProjectSpec project, ServiceOptions service, List<EnvVar> environment,
            Optional<DatabaseInfo.Kind> database) {

        public GitSource {
            environment = List.copyOf(environment);
        }
    }

    /** Options of a service a git-only platform creates; empty values leave the choice to the platform adapter. */
    public record ServiceOptions(Optional<String> type, Optional<String> startCommand, Optional<String> runtime,
            Optional<String> plan, Optional<String> region) {

        public static final ServiceOptions DEFAULTS = new ServiceOptions(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        public ServiceOptions {
            type = type == null ? Optional.empty() : type;
            startCommand = startCommand == null ? Optional.empty() : startCommand;
            runtime = runtime == null ? Optional.empty() : runtime;
            plan = plan == null ? Optional.empty() : plan;
            region = region == null ? Optional.empty() : region;
        }
    }
}
