package dev.deploygateway.sandbox.railway;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A project with its environments and services; guarded by its own monitor. */
final class BackboardProject {

    /** A service; variables and the generated domain are per environment. */
    static final class Service {
        final String id;
        final String name;
        final String projectId;
        final Instant createdAt = Instant.now();
        final Map<String, Map<String, String>> variables = new ConcurrentHashMap<>();
        final Map<String, String> domains = new ConcurrentHashMap<>();
        volatile String templateId;

        Service(String id, String name, String projectId) {
            this.id = id;
            this.name = name;
            this.projectId = projectId;
        }

        /** The generated {@code *.up.railway.app} domain of this service in an environment, created on first use. */
        String domain(String environmentId) {
            return domains.computeIfAbsent(environmentId, e -> name.toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9-]", "-") + "-" + BackboardIds.label(6) + ".up.railway.app");
        }

        Map<String, String> variables(String environmentId) {
            return variables.computeIfAbsent(environmentId, e -> new ConcurrentHashMap<>());
        }
    }

    final String id;
    final String name;
    final String description;
    final String workspaceId;
    final Instant createdAt = Instant.now();
    final Map<String, String> environments = new LinkedHashMap<>();
    final Map<String, Service> services = new LinkedHashMap<>();
    /** Shared (environment-level) variables: {@code variableCollectionUpsert} without a service id. */
    final Map<String, Map<String, String>> shared = new ConcurrentHashMap<>();

    BackboardProject(String id, String name, String description, String workspaceId, String environmentName) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.workspaceId = workspaceId;
        environments.put(BackboardIds.uuid(), environmentName);
    }

    synchronized String defaultEnvironmentId() {
        return environments.keySet().iterator().next();
    }

    synchronized boolean hasEnvironment(String environmentId) {
        return environments.containsKey(environmentId);
    }

    synchronized Optional<Service> service(String id) {
        return Optional.ofNullable(services.get(id));
    }

    synchronized Optional<Service> serviceNamed(String serviceName) {
        return services.values().stream().filter(s -> s.name.equals(serviceName)).findFirst();
    }

    /** Service names are unique within a project and at most 32 characters. */
    synchronized Service addService(String serviceName) {
        if (serviceName.isBlank() || serviceName.length() > 32) {
            throw BackboardError.invalid("Service name must be between 1 and 32 characters");
        }
        if (serviceNamed(serviceName).isPresent()) {
            throw BackboardError.invalid("Service name must be unique within a project");
        }
        var service = new Service(BackboardIds.uuid(), serviceName, id);
        services.put(service.id, service);
        return service;
    }

    synchronized Map<String, String> environmentsCopy() {
        return new LinkedHashMap<>(environments);
    }

    synchronized Map<String, Service> servicesCopy() {
        return new LinkedHashMap<>(services);
    }
}
