package dev.deploygateway.platform;

import java.util.Optional;

/** Build settings of the project to create or reuse; absent values let the platform detect them. */
public record ProjectSpec(
        String name,
        Optional<String> framework,
        Optional<String> buildCommand,
        Optional<String> installCommand,
        Optional<String> outputDirectory,
        Optional<String> rootDirectory) {

    public static ProjectSpec named(String name) {
        return new ProjectSpec(name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public ProjectSpec withFramework(String value) {
        return new ProjectSpec(name, Optional.ofNullable(value), buildCommand, installCommand, outputDirectory,
                rootDirectory);
    }

    public ProjectSpec withOutputDirectory(String value) {
        return new ProjectSpec(name, framework, buildCommand, installCommand, Optional.ofNullable(value),
                rootDirectory);
    }
}
