package dev.deploygateway.platform.render;

import java.time.Instant;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.deploygateway.config.RenderConfig;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformStep;
import io.smallrye.mutiny.Uni;

/**
 * A service's build log from a time on, through {@code GET /v1/logs} oldest first, following {@code hasMore} with the
 * answer's {@code nextStartTime}/{@code nextEndTime} (Render pages by time, not by cursor). The boundary entry may
 * come twice; callers de-duplicate by log id. Bounded to {@link #MAX_PAGES} pages per read.
 */
@ApplicationScoped
class RenderLogPages {

    static final int MAX_PAGES = 100;

    private final RenderApi api;
    private final RenderCalls calls;
    private final RenderConfig config;

    RenderLogPages(@RestClient RenderApi api, RenderCalls calls, RenderConfig config) {
        this.api = api;
        this.calls = calls;
        this.config = config;
    }

    Uni<Void> read(PlatformCredential credential, String ownerId, String serviceId, Instant from,
            Consumer<RenderWire.Log> sink) {
        return page(credential, ownerId, serviceId, from.toString(), Instant.now().plusSeconds(1).toString(), sink, 0);
    }

    private Uni<Void> page(PlatformCredential credential, String ownerId, String serviceId, String start, String end,
            Consumer<RenderWire.Log> sink, int page) {
        return calls.idempotent(PlatformStep.WATCH, () -> api.logs(credential.bearer(), ownerId, serviceId, "build",
                start, end, "forward", config.logsPageSize())).chain(logs -> {
                    logs.logs().forEach(sink);
                    if (logs.hasMore() && logs.nextStartTime() != null && page < MAX_PAGES) {
                        return page(credential, ownerId, serviceId, logs.nextStartTime(),
                                logs.nextEndTime() == null ? end : logs.nextEndTime(), sink, page + 1);
                    }
                    return Uni.createFrom().voidItem();
                });
    }
}
