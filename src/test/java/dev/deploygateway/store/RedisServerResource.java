package dev.deploygateway.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import redis.embedded.RedisServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real redis-server (6.2, bundled by embedded-redis) on a free loopback port, for {@code @QuarkusTest}s
 * ({@code @QuarkusTestResource(RedisServerResource.class)}) and plain tests ({@link #startServer()}). Tests can
 * {@link #stopServer()} and {@link #restartServer()} it on the same port to play an outage.
 */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    private static RedisServer server;
    private static int port;

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.redis.hosts", startServer());
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** Starts a fresh server on a new free port (no persistence) and returns its URL. */
    public static synchronized String startServer() {
        port = freePort();
        restartServer();
        return url();
    }

    public static synchronized String url() {
        return "redis://127.0.0.1:" + port;
    }

    public static synchronized int port() {
        return port;
    }

    /** Stops the server (an outage); idempotent. */
    public static synchronized void stopServer() {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again if a test left it stopped. */
    public static synchronized void restartServerIfStopped() {
        if (server == null || !server.isActive()) {
            restartServer();
        }
    }

    /** (Re)starts an empty server on the same port: data and the script cache are gone, as after a crash. */
    public static synchronized void restartServer() {
        try {
            stopServer();
            server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                    .setting("save \"\"").setting("appendonly no").build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
