package dev.deploygateway.api.deployment;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.deploygateway.deployment.DeploymentSettings;
import dev.deploygateway.platform.Capability;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.source.RepositoryTarget;
import dev.deploygateway.source.SourceHost;
import dev.deploygateway.source.SourceHosts;

/**
 * The request's {@code source} (repository, owner, visibility, branch) and {@code service} (type, start command,
 * runtime, plan, region): accepted only for a platform that builds from git, and checked against that platform's and
 * its source host's rules, so a name GitHub or Render would refuse is a 400 before anything is stored or pushed.
 */
final class DeploymentRequestGitOptions {

    private DeploymentRequestGitOptions() {
    }

    /** The checked options; problems are added to {@code errors}. */
    record Checked(Optional<DeploymentSettings.SourceOptions> source, Optional<DeploySpec.ServiceOptions> service) {
    }

    static Checked check(DeploymentRequest request, Optional<DeploymentPlatform> platform, SourceHosts hosts,
            String projectName, List<Map<String, String>> errors) {
        var sourceEntry = Optional.ofNullable(request.source());
        var serviceEntry = Optional.ofNullable(request.service());
        Optional<DeploymentPlatform> git = platform.filter(p -> p.capabilities().has(Capability.GIT_SOURCE));
        Optional<SourceHost> host = git.flatMap(p -> hosts.forPlatform(p.id()));
        if (git.isEmpty() || host.isEmpty()) {
            sourceEntry.ifPresent(s -> errors.add(DeploymentRequestValidator.error("source",
                    "applies only to platforms that build from git (render)")));
            serviceEntry.ifPresent(s -> errors.add(DeploymentRequestValidator.error("service",
                    "applies only to platforms that build from git (render)")));
            return new Checked(Optional.empty(), Optional.empty());
        }
        Optional<DeploymentSettings.SourceOptions> source = sourceEntry.map(s -> {
            for (var field : Map.of("source.owner", text(s.owner()), "source.repository", text(s.repository()),
                    "source.branch", text(s.branch())).entrySet()) {
                DeploymentRequestValidator.option(field.getKey(), field.getValue(), errors);
            }
            return new DeploymentSettings.SourceOptions(opt(s.owner()), opt(s.repository()),
                    visibility(s.visibility(), errors), opt(s.branch()));
        });
        Optional<DeploySpec.ServiceOptions> service = serviceEntry.map(s -> {
            for (var field : Map.of("service.type", text(s.type()), "service.startCommand", text(s.startCommand()),
                    "service.runtime", text(s.runtime()), "service.plan", text(s.plan()), "service.region",
                    text(s.region())).entrySet()) {
                DeploymentRequestValidator.option(field.getKey(), field.getValue(), errors);
            }
            return new DeploySpec.ServiceOptions(opt(s.type()), opt(s.startCommand()), opt(s.runtime()),
                    opt(s.plan()), opt(s.region()));
        });
        if (projectName != null && !projectName.isBlank()) {
            var options = source.orElse(new DeploymentSettings.SourceOptions(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty()));
            var target = new RepositoryTarget(options.owner(), options.repository().orElse(projectName),
                    options.visibility().orElse(RepositoryTarget.Visibility.PRIVATE), options.branch());
            host.get().targetProblem(target)
                    .ifPresent(rule -> errors.add(DeploymentRequestValidator.error("source", rule)));
        }
        service.flatMap(git.get()::serviceOptionsProblem)
                .ifPresent(rule -> errors.add(DeploymentRequestValidator.error("service", rule)));
        return new Checked(source, service);
    }

    private static Optional<RepositoryTarget.Visibility> visibility(String value, List<Map<String, String>> errors) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "private" -> Optional.of(RepositoryTarget.Visibility.PRIVATE);
            case "public" -> Optional.of(RepositoryTarget.Visibility.PUBLIC);
            default -> {
                errors.add(DeploymentRequestValidator.error("source.visibility", "must be 'private' or 'public'"));
                yield Optional.empty();
            }
        };
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Optional<String> opt(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }
}
