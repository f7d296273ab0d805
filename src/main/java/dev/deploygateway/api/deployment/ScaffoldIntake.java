package dev.deploygateway.api.deployment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.scaffold.EnvVarRules;
import dev.deploygateway.scaffold.FieldError;
import dev.deploygateway.scaffold.FileSpec;
import dev.deploygateway.scaffold.ScaffoldReader;
import dev.deploygateway.scaffold.ScaffoldRejectedException;
import dev.deploygateway.scaffold.SourceBundle;

/** Adapts a request's env entries and files (JSON map or archive) to the scaffold package's rules and reader. */
@ApplicationScoped
public class ScaffoldIntake {

    private final ScaffoldReader reader;

    ScaffoldIntake(ScaffoldReader reader) {
        this.reader = reader;
    }

    /** Env entries, checked by {@link EnvVarRules}; problems are added to {@code errors}. */
    List<EnvVar> env(List<DeploymentRequest.EnvEntry> entries, List<Map<String, String>> errors) {
        if (entries == null) {
            return List.of();
        }
        try {
            EnvVarRules.check(entries, e -> e == null ? null : e.key(), e -> e == null ? null : e.value());
        } catch (ScaffoldRejectedException rejected) {
            rejected.errors().stream().map(FieldError::asMap).forEach(errors::add);
            return List.of();
        }
        return entries.stream().map(e -> new EnvVar(e.key(), e.value(), Boolean.TRUE.equals(e.sensitive())))
                .toList();
    }

    /** The files of a JSON request. */
    SourceBundle fromJson(Map<String, DeploymentRequest.FileEntry> files) {
        Map<String, FileSpec> specs = new LinkedHashMap<>();
        if (files != null) {
            files.forEach((path, file) -> specs.put(path, file == null ? null
                    : new FileSpec(file.content(), file.encoding())));
        }
        return reader.fromJson(specs);
    }

    /** The files of an uploaded zip or tar.gz (blocking: call from a worker thread). */
    SourceBundle fromArchive(Path archive) {
        return reader.fromArchive(archive);
    }
}
