package dev.deploygateway.sandbox.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** Services, deploys and databases, in memory and bounded (the oldest are forgotten first). */
@ApplicationScoped
class RndStore {

    private final Map<String, RndService> services = new LinkedHashMap<>();
    private final Map<String, RndDeploy> deploys = new LinkedHashMap<>();
    private final Map<String, RndPostgres> databases = new LinkedHashMap<>();
    private final int max;

    RndStore(RndConfig config) {
        this.max = config.maxEntries();
    }

    /** Adds a service unless the workspace has one of that name already (names are unique per workspace). */
    synchronized boolean add(RndService service) {
        if (services.values().stream().anyMatch(s -> s.ownerId.equals(service.ownerId)
                && s.name.equals(service.name))) {
            return false;
        }
        bound(services);
        services.put(service.id, service);
        return true;
    }

    synchronized Optional<RndService> service(String id) {
        return Optional.ofNullable(services.get(id));
    }

    synchronized List<RndService> services(List<String> ownerIds, Optional<String> name) {
        return services.values().stream().filter(s -> ownerIds.contains(s.ownerId))
                .filter(s -> name.map(s.name::equals).orElse(true)).toList();
    }

    synchronized void add(RndDeploy deploy) {
        bound(deploys);
        deploys.put(deploy.id, deploy);
    }

    synchronized Optional<RndDeploy> deploy(String serviceId, String id) {
        return Optional.ofNullable(deploys.get(id)).filter(d -> d.serviceId.equals(serviceId));
    }

    /** The service's deploys, newest first. */
    synchronized List<RndDeploy> deploysOf(String serviceId) {
        var list = new ArrayList<>(deploys.values().stream().filter(d -> d.serviceId.equals(serviceId)).toList());
        list.sort(Comparator.comparing((RndDeploy d) -> d.createdAt).reversed());
        return list;
    }

    synchronized void add(RndPostgres postgres) {
        bound(databases);
        databases.put(postgres.id, postgres);
    }

    synchronized Optional<RndPostgres> database(String id) {
        return Optional.ofNullable(databases.get(id));
    }

    synchronized List<RndPostgres> databases(List<String> ownerIds, Optional<String> name) {
        return databases.values().stream().filter(p -> ownerIds.contains(p.owner.id()))
                .filter(p -> name.map(p.name::equals).orElse(true)).toList();
    }

    /** The service a site host ({@code <slug>.onrender.com}) names. */
    synchronized Optional<RndService> bySlug(String slug) {
        return services.values().stream().filter(s -> s.slug.equals(slug)).findFirst();
    }

    private <V> void bound(Map<String, V> map) {
        if (map.size() >= max) {
            map.remove(map.keySet().iterator().next());
        }
    }
}
