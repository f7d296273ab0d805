package dev.deploygateway.sandbox;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.metrics.MetricsOptions;

/**
 * A test-only recording proxy between a platform client and its sandbox: the client's base URL points here, every
 * request and response passes through unchanged and is recorded for contract validation. A platform's resource is a
 * small subclass: its own list of exchanges, whether responses are streamed or buffered, and the configuration that
 * points the client here.
 */
public abstract class RecordingProxy implements QuarkusTestResourceLifecycleManager {

    /** One request/response pair as seen on the wire. */
    public record Exchange(String method, String uri, Map<String, String> requestHeaders, byte[] requestBody,
            int status, Map<String, String> responseHeaders, byte[] responseBody) {
    }

    private final List<Exchange> exchanges;
    private final boolean streamed;
    private Vertx vertx;

    /**
     * @param exchanges where this proxy records
     * @param streamed {@code true}: a response passes chunk by chunk (streams included, a dropped upstream drops the
     *        downstream) and is recorded when it ends; {@code false}: it is read whole, recorded, then sent
     */
    protected RecordingProxy(List<Exchange> exchanges, boolean streamed) {
        this.exchanges = exchanges;
        this.streamed = streamed;
    }

    /** The test configuration once the proxy listens; subclasses keep the ports where their tests look for them. */
    protected abstract Map<String, String> listening(int proxyPort, int appPort);

    /** The client the proxy forwards with. */
    protected HttpClient client(Vertx vertx) {
        return vertx.createHttpClient();
    }

    @Override
    public Map<String, String> start() {
        // The build reserves one port for the test JVM (pom.xml) and passes it as a system property, which outranks
        // this resource's config; forward to that port when it is set.
        int reserved = Integer.getInteger("quarkus.http.test-port", 0);
        int appPort = reserved > 0 ? reserved : freePort();
        // Metrics off: a second Vert.x reporting into the application's global Micrometer registry clashes with
        // the application's own HTTP server meters on a Quarkus restart and hangs its start.
        vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(new MetricsOptions().setEnabled(false)));
        HttpClient client = client(vertx);
        var server = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            var options = new RequestOptions().setMethod(req.method()).setHost("localhost").setPort(appPort)
                    .setURI(req.uri());
            client.request(options).onSuccess(upstream -> {
                req.headers().forEach((k, v) -> {
                    if (!k.equalsIgnoreCase("host") && !k.equalsIgnoreCase("content-length")) {
                        upstream.headers().add(k, v);
                    }
                });
                if (streamed) {
                    upstream.send(body).onSuccess(res -> stream(req, body, res))
                            .onFailure(e -> req.connection().close());
                } else {
                    upstream.send(body).compose(res -> res.body().onSuccess(payload -> {
                        record(req, body, res, payload);
                        copyHeaders(res, req.response().setStatusCode(res.statusCode())).end(payload);
                    })).onFailure(e -> req.connection().close());
                }
            }).onFailure(e -> req.response().setStatusCode(502).end());
        }));
        server.listen(0).toCompletionStage().toCompletableFuture().join();
        return listening(server.actualPort(), appPort);
    }

    private void stream(HttpServerRequest req, Buffer body, HttpClientResponse res) {
        var response = copyHeaders(res, req.response().setStatusCode(res.statusCode()).setChunked(true));
        Buffer recorded = Buffer.buffer();
        res.handler(chunk -> {
            recorded.appendBuffer(chunk);
            response.write(chunk);
        });
        res.endHandler(v -> {
            record(req, body, res, recorded);
            response.end();
        });
        res.exceptionHandler(e -> {
            record(req, body, res, recorded);
            req.connection().close();
        });
    }

    private void record(HttpServerRequest req, Buffer body, HttpClientResponse res, Buffer payload) {
        exchanges.add(new Exchange(req.method().name(), req.uri(), flat(req.headers()), body.getBytes(),
                res.statusCode(), flat(res.headers()), payload.getBytes()));
    }

    private static HttpServerResponse copyHeaders(HttpClientResponse res,
            HttpServerResponse response) {
        res.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("content-length") && !k.equalsIgnoreCase("transfer-encoding")) {
                response.headers().add(k, v);
            }
        });
        return response;
    }

    private static Map<String, String> flat(MultiMap headers) {
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
