package dev.deploygateway.platform.vercel;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.metrics.MetricsOptions;

/**
 * A tiny stand-in for Vercel that answers a READY deployment whose aliases failed (the sandbox never produces
 * {@code aliasError}). {@code dpl_streamed}'s event stream carries the {@code deployment-state} READY line;
 * {@code dpl_polled}'s does not, so its end is learnt from the deployment object. Shapes follow the OpenAPI
 * document's {@code GET /v13/deployments/{idOrUrl}} and {@code /v3/deployments/{idOrUrl}/events}.
 */
public class VercelAliasStub implements QuarkusTestResourceLifecycleManager {

    static final String ALIAS_ERROR = "{\"code\":\"cert_missing\","
            + "\"message\":\"The certificate for the alias is missing\"}";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        // Metrics off: a second Vert.x must not report into the app's registry (see VercelRecordingProxy).
        vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(new MetricsOptions().setEnabled(false)));
        var server = vertx.createHttpServer().requestHandler(req -> {
            String path = req.path();
            if (path.startsWith("/v13/deployments/")) {
                String id = path.substring("/v13/deployments/".length());
                req.response().putHeader("Content-Type", "application/json").end("{\"id\":\"" + id
                        + "\",\"url\":\"" + id + ".vercel.app\",\"projectId\":\"prj_alias\",\"readyState\":\"READY\","
                        + "\"aliasAssigned\":false,\"aliasError\":" + ALIAS_ERROR + ",\"createdAt\":1700000000000}");
            } else if (path.endsWith("/events")) {
                String lines = "{\"id\":\"e1\",\"created\":1700000000001,\"type\":\"stdout\","
                        + "\"text\":\"Build done\"}\n";
                if (path.contains("dpl_streamed")) {
                    lines += "{\"id\":\"e2\",\"created\":1700000000002,\"type\":\"deployment-state\","
                            + "\"info\":{\"type\":\"build\",\"name\":\"bld_1\",\"readyState\":\"READY\"}}\n";
                }
                req.response().putHeader("Content-Type", "application/stream+json").end(lines);
            } else {
                req.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                        .end("{\"error\":{\"code\":\"not_found\",\"message\":\"Not found\"}}");
            }
        });
        server.listen(0, "localhost").toCompletionStage().toCompletableFuture().join();
        return Map.of("quarkus.rest-client.vercel.url", "http://localhost:" + server.actualPort());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
