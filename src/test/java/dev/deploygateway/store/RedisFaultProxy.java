package dev.deploygateway.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

/**
 * A TCP proxy in front of a real redis-server that slows down only the commands containing a marker (e.g. one
 * script's SHA-1 or source): the rest of the traffic flows at full speed, as when one script is slow on a busy
 * Redis. Commands on one connection keep their order; a delayed command reaches Redis late but does reach it,
 * as a command that timed out on the client still runs on the server.
 */
public final class RedisFaultProxy implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final NetServer server;
    private volatile String marker;
    private volatile Duration delay = Duration.ZERO;

    public RedisFaultProxy(int redisPort) {
        server = vertx.createNetServer().connectHandler(client -> connect(client, redisPort));
        await(server.listen(0, "127.0.0.1").toCompletionStage());
    }

    public int port() {
        return server.actualPort();
    }

    public String url() {
        return "redis://127.0.0.1:" + port();
    }

    /** From now on, a client chunk containing {@code text} reaches Redis {@code by} later. */
    public void delay(String text, Duration by) {
        this.marker = text;
        this.delay = by;
    }

    public void clear() {
        this.marker = null;
        this.delay = Duration.ZERO;
    }

    private void connect(NetSocket client, int redisPort) {
        client.pause();
        vertx.createNetClient().connect(redisPort, "127.0.0.1").onSuccess(upstream -> {
            CompletableFuture<Void>[] tail = new CompletableFuture[] { CompletableFuture.completedFuture(null) };
            client.handler(chunk -> {
                Duration wait = slowed(chunk) ? delay : Duration.ZERO;
                synchronized (tail) {
                    tail[0] = tail[0].thenCompose(v -> after(wait)).thenRun(() -> upstream.write(chunk));
                }
            });
            upstream.handler(client::write);
            client.closeHandler(v -> upstream.close());
            upstream.closeHandler(v -> client.close());
            client.resume();
        }).onFailure(e -> client.close());
    }

    private boolean slowed(Buffer chunk) {
        String m = marker;
        return m != null && chunk.toString(StandardCharsets.ISO_8859_1).contains(m);
    }

    private CompletionStage<Void> after(Duration wait) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (wait.isZero()) {
            done.complete(null);
        } else {
            vertx.setTimer(wait.toMillis(), id -> done.complete(null));
        }
        return done;
    }

    @Override
    public void close() {
        await(vertx.close().toCompletionStage());
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
