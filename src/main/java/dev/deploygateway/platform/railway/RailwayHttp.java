package dev.deploygateway.platform.railway;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Plain HTTP to Railway on the application's Vert.x: GraphQL POSTs, the tarball upload and OAuth forms share one
 * client. Headers are given per call, so the client never holds a token. Connections are not kept alive: with
 * keep-alive, about one request in a thousand against the sandbox never completed (it waited for a pooled
 * connection with no timeout); a fresh connection per call costs a handshake and removed the stall in every run.
 */
@ApplicationScoped
class RailwayHttp {

    /** A response: status, the {@code Retry-After} header if any, and the body. */
    record Reply(int status, String retryAfter, Buffer body) {
        String text() {
            return body.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static final long CONNECT_TIMEOUT_MS = 5000;

    private final HttpClient client;
    private final long idleTimeoutMs;

    RailwayHttp(Vertx vertx, dev.deploygateway.config.RailwayConfig config) {
        this.idleTimeoutMs = config.requestIdleTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5000).setMaxPoolSize(32)
                .setKeepAlive(false).setDecompressionSupported(true));
    }

    Uni<Reply> send(HttpMethod method, URI uri, Map<String, String> headers, Buffer body) {
        // connectTimeout bounds getting a connection (the request is not sent before that, so failing there is
        // always safe to retry); idleTimeout bounds a silent exchange once it is sent.
        var options = new RequestOptions().setMethod(method).setAbsoluteURI(uri.toString())
                .setConnectTimeout(CONNECT_TIMEOUT_MS).setIdleTimeout(idleTimeoutMs);
        headers.forEach(options::addHeader);
        return Uni.createFrom().completionStage(() -> client.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(b -> new Reply(response.statusCode(),
                        response.getHeader("Retry-After"), b)))
                .toCompletionStage())
                // A backstop that does not depend on the exchange's own event loop.
                .ifNoItem().after(java.time.Duration.ofMillis(idleTimeoutMs + CONNECT_TIMEOUT_MS))
                .failWith(java.util.concurrent.TimeoutException::new);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
