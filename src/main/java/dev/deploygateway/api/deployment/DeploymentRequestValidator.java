package dev.deploygateway.api.deployment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.deployment.DeploymentService;
import dev.deploygateway.deployment.DeploymentSettings;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.DatabaseInfo;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.Platforms;
import dev.deploygateway.scaffold.SourceBundle;
import dev.deploygateway.source.SourceHosts;

/**
 * Turns a deployment request into validated settings, env and source, collecting every problem into one
 * {@code VALIDATION_FAILED} problem with an {@code errors} list, before anything is stored or sent.
 */
@ApplicationScoped
public class DeploymentRequestValidator {

    private static final int MAX_OPTION_LENGTH = 512;

    private final DeploymentService deployments;
    private final ScaffoldIntake intake;
    private final Platforms platforms;
    private final SourceHosts sourceHosts;

    DeploymentRequestValidator(DeploymentService deployments, ScaffoldIntake intake, Platforms platforms,
            SourceHosts sourceHosts) {
        this.deployments = deployments;
        this.intake = intake;
        this.platforms = platforms;
        this.sourceHosts = sourceHosts;
    }

    /** A request checked and split into what the service needs. */
    public record Checked(DeploymentSettings settings, List<EnvVar> env) {
    }

    /** Checks the settings and env of a request (not its files). */
    public Checked settings(DeploymentRequest request) {
        if (request == null) {
            throw invalid(List.of(error("", "a JSON body with the deployment settings is required")));
        }
        List<Map<String, String>> errors = new ArrayList<>();
        Optional<PlatformId> platform = platform(request.platform(), errors);
        String name = request.projectName();
        if (name == null || name.isBlank()) {
            errors.add(error("projectName", "is required"));
        } else {
            platform.flatMap(p -> problem(() -> deployments.projectNameProblem(p, name), errors))
                    .ifPresent(rule -> errors.add(error("projectName", rule)));
        }
        DeploymentSettings.Target target = DeploymentSettings.Target.PREVIEW;
        if (request.target() != null) {
            switch (request.target().toLowerCase(Locale.ROOT)) {
                case "preview" -> target = DeploymentSettings.Target.PREVIEW;
                case "production" -> target = DeploymentSettings.Target.PRODUCTION;
                default -> errors.add(error("target", "must be 'preview' or 'production'"));
            }
        }
        Optional<DatabaseInfo.Kind> database = Optional.empty();
        if (request.database() != null && !request.database().isBlank()) {
            try {
                database = Optional.of(DatabaseInfo.Kind.valueOf(request.database().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(error("database", "must be one of postgres, mysql, redis, mongodb"));
            }
        }
        option("framework", request.framework(), errors);
        option("buildCommand", request.buildCommand(), errors);
        option("installCommand", request.installCommand(), errors);
        option("outputDirectory", request.outputDirectory(), errors);
        option("rootDirectory", request.rootDirectory(), errors);
        option("teamId", request.teamId(), errors);
        unicode(request.env(), errors);
        List<EnvVar> env = intake.env(request.env(), errors);
        var git = DeploymentRequestGitOptions.check(request, platform.flatMap(platforms::find), sourceHosts, name,
                errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        DeploymentSettings settings = new DeploymentSettings(platform.orElseThrow(), name, target,
                opt(request.framework()), opt(request.buildCommand()), opt(request.installCommand()),
                opt(request.outputDirectory()), opt(request.rootDirectory()), opt(request.teamId()), database,
                env.stream().map(v -> new DeploymentSettings.EnvKey(v.key(), v.sensitive())).toList(), git.source(),
                git.service());
        return new Checked(settings, env);
    }

    /** The project of a JSON request. */
    public SourceBundle files(Map<String, DeploymentRequest.FileEntry> files) {
        return intake.fromJson(files);
    }

    /** The project of a multipart request's archive. */
    public SourceBundle archive(Path file) {
        return intake.fromArchive(file);
    }

    private static Optional<PlatformId> platform(String value, List<Map<String, String>> errors) {
        if (value == null || value.isBlank()) {
            errors.add(error("platform", "is required"));
            return Optional.empty();
        }
        for (PlatformId id : PlatformId.values()) {
            if (id.key().equals(value)) {
                return Optional.of(id);
            }
        }
        errors.add(error("platform", "is not a known platform"));
        return Optional.empty();
    }

    private static Optional<String> problem(Supplier<Optional<String>> check,
            List<Map<String, String>> errors) {
        try {
            return check.get();
        } catch (GatewayException e) {
            errors.add(error("platform", "is not available in this gateway"));
            return Optional.empty();
        }
    }

    static void option(String field, String value, List<Map<String, String>> errors) {
        if (value != null && (value.length() > MAX_OPTION_LENGTH || value.chars().anyMatch(c -> c < 0x20)
                || !wellFormed(value))) {
            errors.add(error(field, "must be at most " + MAX_OPTION_LENGTH
                    + " characters of valid Unicode without control characters"));
        }
    }

    /**
     * Env values must be valid Unicode text: a lone surrogate ({@code "\ud800"} in JSON) has no UTF-8 form, so
     * it could not be sealed, stored or sent, and would fail only after the request was admitted.
     */
    private static void unicode(List<DeploymentRequest.EnvEntry> env, List<Map<String, String>> errors) {
        if (env == null) {
            return;
        }
        for (int i = 0; i < env.size(); i++) {
            DeploymentRequest.EnvEntry entry = env.get(i);
            if (entry != null && entry.value() != null && !wellFormed(entry.value())) {
                errors.add(error("env[" + i + "].value", "value is not valid Unicode text (unpaired surrogate)"));
            }
        }
    }

    /** True when {@code text} is well-formed UTF-16: every surrogate is half of a pair. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> opt(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    static Map<String, String> error(String field, String message) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("message", message);
        return e;
    }

    static GatewayException invalid(List<Map<String, String>> errors) {
        return new GatewayException(ErrorCode.VALIDATION_FAILED, "One or more fields are invalid.",
                Map.of("errors", errors), Map.of(), null);
    }
}
