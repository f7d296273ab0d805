package dev.deploygateway.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import redis.embedded.RedisServer;

/**
 * A real redis-server (6.2, bundled by embedded-redis) on a free loopback port. As a Quarkus test resource
 * ({@code @WithTestResource(value = RedisServerResource.class, scope = RESTRICTED_TO_CLASS)}) it points
 * {@code quarkus.redis.hosts} at the server, and the test reaches it through {@link #forQuarkus()}. Plain tests
 * create their own instance. Either way a test can {@link #stopServer()} and {@link #restartServer()} it on the
 * same port to play an outage; a restart loses data and the script cache, as a crash would.
 */
public class RedisServerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile RedisServerResource forQuarkus;

    private RedisServer server;
    private int port;

    /** The server started for the running Quarkus application. */
    public static RedisServerResource forQuarkus() {
        return forQuarkus;
    }

    @Override
    public Map<String, String> start() {
        forQuarkus = this;
        return Map.of("quarkus.redis.hosts", startServer());
    }

    @Override
    public void stop() {
        stopServer();
    }

    /** Starts a fresh server on a new free port (no persistence) and returns its URL. */
    public synchronized String startServer() {
        port = freePort();
        restartServer();
        return url();
    }

    public synchronized String url() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized int port() {
        return port;
    }

    /** Stops the server (an outage); idempotent. */
    public synchronized void stopServer() {
        try {
            if (server != null && server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again if a test left it stopped. */
    public synchronized void restartServerIfStopped() {
        if (server == null || !server.isActive()) {
            restartServer();
        }
    }

    /** (Re)starts an empty server on the same port. */
    public synchronized void restartServer() {
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
