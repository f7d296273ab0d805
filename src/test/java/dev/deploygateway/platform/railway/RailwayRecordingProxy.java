package dev.deploygateway.platform.railway;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.metrics.MetricsOptions;

/**
 * A test-only recording proxy between the Railway client's HTTP calls (GraphQL, {@code /up}, OAuth) and the sandbox;
 * every request/response passes unchanged and is recorded so tests can check each GraphQL exchange against
 * Railway's schema. The websocket goes to the app directly ({@code gateway.railway.websocket-url}).
 */
public class RailwayRecordingProxy implements QuarkusTestResourceLifecycleManager {

    /** One request/response pair as seen on the wire. */
    public record Exchange(String method, String uri, byte[] requestBody, int status, byte[] responseBody) {
    }

    public static final List<Exchange> EXCHANGES = new CopyOnWriteArrayList<>();
    private static volatile int proxyPort;
    private static volatile int appPort;

    public static String baseUri() {
        return "http://localhost:" + proxyPort;
    }

    public static int appPort() {
        return appPort;
    }

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        // The build reserves one port for the test JVM (pom.xml) and passes it as a system property, which outranks
        // this resource's config; forward to that port when it is set.
        int reserved = Integer.getInteger("quarkus.http.test-port", 0);
        appPort = reserved > 0 ? reserved : freePort();
        // Metrics off: see VercelRecordingProxy (a second Vert.x must not report into the app's registry).
        vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(new MetricsOptions().setEnabled(false)));
        HttpClient client = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions().setMaxPoolSize(64));
        var server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            var options = new RequestOptions().setMethod(req.method()).setHost("localhost").setPort(appPort)
                    .setURI(req.uri());
            client.request(options).onSuccess(upstream -> {
                req.headers().forEach((k, v) -> {
                    if (!k.equalsIgnoreCase("host") && !k.equalsIgnoreCase("content-length")) {
                        upstream.headers().add(k, v);
                    }
                });
                upstream.send(body).compose(res -> res.body().onSuccess(payload -> {
                    EXCHANGES.add(new Exchange(req.method().name(), req.uri(), body.getBytes(), res.statusCode(),
                            payload.getBytes()));
                    var response = req.response().setStatusCode(res.statusCode());
                    res.headers().forEach((k, v) -> {
                        if (!k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("transfer-encoding")) {
                            response.headers().add(k, v);
                        }
                    });
                    response.end(payload);
                })).onFailure(e -> req.connection().close());
            }).onFailure(e -> req.response().setStatusCode(502).end(Buffer.buffer()));
        }));
        server.listen(0).toCompletionStage().toCompletableFuture().join();
        proxyPort = server.actualPort();
        String proxied = "http://localhost:" + proxyPort + "/sandbox/railway";
        String direct = "localhost:" + appPort + "/sandbox/railway";
        return Map.of("quarkus.http.test-port", Integer.toString(appPort),
                "gateway.railway.api-url", proxied + "/graphql/v2",
                "gateway.railway.backboard-url", proxied,
                "gateway.railway.websocket-url", "ws://" + direct + "/graphql/v2",
                "gateway.railway.calls.retry-backoff", "20ms",
                "quarkus.rest-client.railway.read-timeout", "4000",
                "gateway.railway.workflow-poll-interval", "20ms");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
