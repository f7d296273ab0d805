package dev.deploygateway.platform.render;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.deploygateway.config.RenderConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.DatabaseInfo;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/**
 * A service's Postgres: named {@code <service>-db} in the service's workspace (reused when it exists: a redeploy,
 * or a retry after a failed first deploy), created with {@code POST /v1/postgres} otherwise, polled until
 * {@code available} (a new one first answers {@code unknown}, then {@code creating}), and its internal connection
 * string read from {@code …/connection-info}. An existing service gets it as {@code DATABASE_URL} right away; a
 * service not created yet gets it in its creation request (see {@link RenderPlatform#deploy}), so either way it is
 * set before the build that needs it. The connection string is never stored or logged by the gateway.
 */
@ApplicationScoped
class RenderDatabases {

    /** Statuses from which a database does not become available by waiting. */
    private static final Set<String> FAILED = Set.of("unavailable", "suspended", "recovery_failed");

    private final RenderApi api;
    private final RenderCalls calls;
    private final RenderConfig config;

    RenderDatabases(@RestClient RenderApi api, RenderCalls calls, RenderConfig config) {
        this.api = api;
        this.calls = calls;
        this.config = config;
    }

    static String nameFor(String serviceName) {
        return serviceName + "-db";
    }

    /** Finds or creates the service's database and waits until it is available. */
    Uni<RenderWire.Postgres> ensure(PlatformCredential credential, String ownerId, String serviceName,
            Optional<String> region) {
        String name = nameFor(serviceName);
        return find(credential, ownerId, name).chain(found -> found.map(p -> Uni.createFrom().item(p))
                .orElseGet(() -> calls.once(PlatformStep.CREATE, () -> api.createPostgres(credential.bearer(),
                        new RenderWire.NewPostgres(name, ownerId, config.databasePlan(), config.databaseVersion(),
                                region.orElse(config.defaultRegion()))))))
                .chain(p -> available(credential, p, Instant.now().plus(config.databaseTimeout())));
    }

    Uni<Optional<RenderWire.Postgres>> find(PlatformCredential credential, String ownerId, String name) {
        return calls.idempotent(PlatformStep.PROVISION, () -> api.postgresList(credential.bearer(), name, ownerId, 20))
                .map(list -> list.stream().map(RenderWire.PostgresWithCursor::postgres)
                        .filter(p -> p.name().equals(name)).findFirst());
    }

    /** The internal connection string ({@code DATABASE_URL} for services in the same region). */
    Uni<String> url(PlatformCredential credential, RenderWire.Postgres postgres) {
        return calls.idempotent(PlatformStep.PROVISION, () -> api.connectionInfo(credential.bearer(), postgres.id()))
                .map(RenderWire.ConnectionInfo::internalConnectionString);
    }

    static DatabaseInfo info(RenderWire.Postgres postgres) {
        return new DatabaseInfo(postgres.id(), postgres.name(), postgres.status(), List.of("DATABASE_URL"));
    }

    private Uni<RenderWire.Postgres> available(PlatformCredential credential, RenderWire.Postgres postgres,
            Instant deadline) {
        if ("available".equals(postgres.status())) {
            return Uni.createFrom().item(postgres);
        }
        if (FAILED.contains(postgres.status())) {
            return Uni.createFrom().failure(PlatformException.of(ErrorCode.PLATFORM_UNAVAILABLE, PlatformId.RENDER,
                    PlatformStep.PROVISION, true, "Render's Postgres " + postgres.name() + " is " + postgres.status()));
        }
        if (Instant.now().isAfter(deadline)) {
            return Uni.createFrom().failure(PlatformException.of(ErrorCode.TIMED_OUT, PlatformId.RENDER,
                    PlatformStep.PROVISION, true, "Render's Postgres " + postgres.name() + " did not become available "
                            + "in time (still " + postgres.status() + ")"));
        }
        return Uni.createFrom().voidItem().onItem().delayIt().by(config.databasePollInterval())
                .chain(() -> calls.idempotent(PlatformStep.PROVISION, () -> api.postgres(credential.bearer(),
                        postgres.id())))
                .chain(next -> available(credential, next, deadline));
    }
}
