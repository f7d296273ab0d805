package dev.deploygateway.api.deployment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.scaffold.SourceBundle;

/** Decodes the source and env of a request into validated values. */
@ApplicationScoped
public class ScaffoldIntake {

    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");

    /** Env entries, checked; problems are added to {@code errors}. */
    List<EnvVar> env(List<DeploymentRequest.EnvEntry> entries, List<Map<String, String>> errors) {
        List<EnvVar> env = new ArrayList<>();
        if (entries == null) {
            return env;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            DeploymentRequest.EnvEntry e = entries.get(i);
            if (e == null || e.key() == null || !ENV_KEY.matcher(e.key()).matches()) {
                errors.add(DeploymentRequestValidator.error("env[" + i + "].key",
                        "must be letters, digits and underscores, not starting with a digit"));
                continue;
            }
            if (!seen.add(e.key())) {
                errors.add(DeploymentRequestValidator.error("env[" + i + "].key", "is a duplicate"));
                continue;
            }
            if (e.value() == null || e.value().indexOf('\0') >= 0) {
                errors.add(DeploymentRequestValidator.error("env[" + i + "].value", "is required and must be text"));
                continue;
            }
            env.add(new EnvVar(e.key(), e.value(), Boolean.TRUE.equals(e.sensitive())));
        }
        return env;
    }

    /** The files of a JSON request. */
    SourceBundle fromJson(Map<String, DeploymentRequest.FileEntry> files) {
        if (files == null || files.isEmpty()) {
            throw DeploymentRequestValidator.invalid(List.of(DeploymentRequestValidator.error("files",
                    "at least one file is required")));
        }
        Map<String, byte[]> raw = new LinkedHashMap<>();
        List<Map<String, String>> errors = new ArrayList<>();
        files.forEach((path, file) -> {
            String field = "files[" + path + "]";
            if (file == null || file.content() == null) {
                errors.add(DeploymentRequestValidator.error(field, "content is required"));
                return;
            }
            String encoding = file.encoding() == null ? "utf-8" : file.encoding();
            switch (encoding) {
                case "utf-8" -> raw.put(path, file.content().getBytes(StandardCharsets.UTF_8));
                case "base64" -> {
                    try {
                        raw.put(path, Base64.getDecoder().decode(file.content()));
                    } catch (IllegalArgumentException e) {
                        errors.add(DeploymentRequestValidator.error(field, "is not valid base64"));
                    }
                }
                default -> errors.add(DeploymentRequestValidator.error(field, "encoding must be utf-8 or base64"));
            }
        });
        if (!errors.isEmpty()) {
            throw DeploymentRequestValidator.invalid(errors);
        }
        try {
            return SourceBundle.of(raw);
        } catch (IllegalArgumentException e) {
            throw DeploymentRequestValidator.invalid(List.of(DeploymentRequestValidator.error("files",
                    e.getMessage())));
        }
    }
}
