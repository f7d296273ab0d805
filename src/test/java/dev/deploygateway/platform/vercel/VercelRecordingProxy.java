package dev.deploygateway.platform.vercel;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.metrics.MetricsOptions;

/**
 * A test-only recording proxy between the Vercel client and the sandbox: the client's base URL points here, every
 * request and response passes through unchanged (streams included, a dropped upstream drops the downstream) and
 * is recorded for contract validation.
 */
public class VercelRecordingProxy implements QuarkusTestResourceLifecycleManager {

    /** One request/response pair as seen on the wire. */
    public record Exchange(String method, String uri, Map<String, String> requestHeaders, byte[] requestBody,
            int status, Map<String, String> responseHeaders, byte[] responseBody) {
    }

    public static final List<Exchange> EXCHANGES = new CopyOnWriteArrayList<>();
    private static volatile int proxyPort;

    /** Where the proxy listens, for tests that call the sandbox directly but want the exchange recorded. */
    public static String baseUri() {
        return "http://localhost:" + proxyPort;
    }

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        // The build reserves one port for the test JVM (pom.xml) and passes it as a system property, which outranks
        // this resource's config; forward to that port when it is set.
        int reserved = Integer.getInteger("quarkus.http.test-port", 0);
        int appPort = reserved > 0 ? reserved : freePort();
        // Metrics off: a second Vert.x reporting into the application's global Micrometer registry clashes with
        // the application's own HTTP server meters on a Quarkus restart and hangs its start.
        vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(new MetricsOptions().setEnabled(false)));
        HttpClient client = vertx.createHttpClient();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            var options = new RequestOptions().setMethod(req.method()).setHost("localhost").setPort(appPort)
                    .setURI(req.uri());
            client.request(options).onSuccess(upstream -> {
                req.headers().forEach((k, v) -> {
                    if (!k.equalsIgnoreCase("host") && !k.equalsIgnoreCase("content-length")) {
                        upstream.headers().add(k, v);
                    }
                });
                upstream.send(body).onSuccess(res -> {
                    var response = req.response().setStatusCode(res.statusCode()).setChunked(true);
                    res.headers().forEach((k, v) -> {
                        if (!k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("transfer-encoding")) {
                            response.headers().add(k, v);
                        }
                    });
                    Buffer recorded = Buffer.buffer();
                    Runnable record = () -> EXCHANGES.add(new Exchange(req.method().name(), req.uri(),
                            flat(req.headers()), body.getBytes(), res.statusCode(), flat(res.headers()),
                            recorded.getBytes()));
                    res.handler(chunk -> {
                        recorded.appendBuffer(chunk);
                        response.write(chunk);
                    });
                    res.endHandler(v -> {
                        record.run();
                        response.end();
                    });
                    res.exceptionHandler(e -> {
                        record.run();
                        req.connection().close();
                    });
                }).onFailure(e -> req.connection().close());
            }).onFailure(e -> req.response().setStatusCode(502).end());
        }));
        server.listen(0).toCompletionStage().toCompletableFuture().join();
        proxyPort = server.actualPort();
        String base = "http://localhost:" + server.actualPort();
        return Map.of("quarkus.http.test-port", Integer.toString(appPort),
                "quarkus.rest-client.vercel.url", base + "/sandbox/vercel",
                "gateway.vercel.authorize-url", "http://localhost:" + appPort + "/sandbox/vercel/oauth/authorize",
                "gateway.vercel.calls.retry-backoff", "20ms");
    }

    private static Map<String, String> flat(io.vertx.core.MultiMap headers) {
        var map = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> map.merge(k, v, (a, b) -> a + "," + b));
        return map;
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
