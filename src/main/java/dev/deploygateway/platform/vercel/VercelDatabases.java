package dev.deploygateway.platform.vercel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.DatabaseInfo;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/**
 * Databases on Vercel are Marketplace integration stores (platform-contracts §1.7): find an installed marketplace
 * integration with a storage product of the wanted kind, create a store, connect it to the project (which adds
 * {@code DATABASE_URL} etc. to the project's env). Installing the integration itself needs the user in a browser;
 * without one the call fails with a message saying so.
 */
@ApplicationScoped
class VercelDatabases {

    /** Words a storage product's slug or name contains for each engine (providers name products after themselves). */
    private static final Map<DatabaseInfo.Kind, List<String>> KEYWORDS = Map.of(
            DatabaseInfo.Kind.POSTGRES, List.of("postgres", "neon", "supabase", "prisma", "nile"),
            DatabaseInfo.Kind.MYSQL, List.of("mysql", "planetscale", "tidb"),
            DatabaseInfo.Kind.REDIS, List.of("redis", "upstash", "kv"),
            DatabaseInfo.Kind.MONGODB, List.of("mongo"));

    private record Product(String configurationId, String productId) {
    }

    private final VercelApi api;
    private final VercelCalls calls;

    VercelDatabases(@RestClient VercelApi api, VercelCalls calls) {
        this.api = api;
        this.calls = calls;
    }

    Uni<DatabaseInfo> provision(PlatformCredential credential, PlatformProject project, DatabaseInfo.Kind kind) {
        VercelCaller caller = VercelCaller.of(credential);
        return calls.idempotent(PlatformStep.CONFIGURE, () -> api.configurations(caller, "account", "marketplace"))
                .chain(configs -> findProduct(caller,
                        configs.stream().map(VercelWire.Configuration::id).filter(Objects::nonNull).toList(), kind, 0))
                .chain(product -> {
                    var body = new VercelWire.StoreCreate(storeName(project, kind), product.configurationId(),
                            product.productId());
                    return calls.once(PlatformStep.CONFIGURE, () -> api.createStore(caller, body))
                            .chain(created -> {
                                VercelWire.Store store = created.store();
                                var connect = new VercelWire.StoreConnect(project.id());
                                // Connecting the same store to the same project twice is harmless: retry it.
                                return calls.idempotent(PlatformStep.CONFIGURE, () -> api.connectStore(caller,
                                        product.configurationId(), store.id(), connect))
                                        .map(ok -> info(store));
                            });
                });
    }

    private Uni<Product> findProduct(VercelCaller caller, List<String> configurations, DatabaseInfo.Kind kind,
            int index) {
        if (index >= configurations.size()) {
            return Uni.createFrom().failure(PlatformException.of(ErrorCode.UNSUPPORTED_BY_PLATFORM, PlatformId.VERCEL,
                    PlatformStep.CONFIGURE, false, "No installed Vercel Marketplace integration offers a "
                            + kind.name().toLowerCase(Locale.ROOT) + " database; install one (e.g. Neon) in the "
                            + "Vercel dashboard first"));
        }
        String configuration = configurations.get(index);
        return calls.idempotent(PlatformStep.CONFIGURE, () -> api.products(caller, configuration))
                .chain(answer -> match(answer.products(), kind)
                        .map(id -> Uni.createFrom().item(new Product(configuration, id)))
                        .orElseGet(() -> findProduct(caller, configurations, kind, index + 1)));
    }

    private static Optional<String> match(List<VercelWire.Product> products, DatabaseInfo.Kind kind) {
        for (VercelWire.Product product : products) {
            String label = (product.slug() + " " + product.name()).toLowerCase(Locale.ROOT);
            if (product.storage() && KEYWORDS.get(kind).stream().anyMatch(label::contains)) {
                return Optional.of(product.id());
            }
        }
        return Optional.empty();
    }

    private static String storeName(PlatformProject project, DatabaseInfo.Kind kind) {
        String name = project.name() + "-" + kind.name().toLowerCase(Locale.ROOT);
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    private static DatabaseInfo info(VercelWire.Store store) {
        return new DatabaseInfo(store.id(), Optional.ofNullable(store.name()).orElse(""),
                Optional.ofNullable(store.status()).orElse("unknown"),
                store.secrets().stream().map(VercelWire.Secret::name).toList());
    }
}
