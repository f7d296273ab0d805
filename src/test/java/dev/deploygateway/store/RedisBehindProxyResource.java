package dev.deploygateway.store;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real redis-server reached through a {@link RedisFaultProxy}: the application talks to the proxy, the test
 * decides which commands the proxy slows down and can still reach Redis directly.
 */
public class RedisBehindProxyResource implements QuarkusTestResourceLifecycleManager {

    private static volatile RedisBehindProxyResource current;

    private final RedisServerResource redis = new RedisServerResource();
    private RedisFaultProxy proxy;

    public static RedisFaultProxy proxy() {
        return current.proxy;
    }

    /** The server itself, bypassing the proxy. */
    public static RedisServerResource server() {
        return current.redis;
    }

    @Override
    public Map<String, String> start() {
        current = this;
        redis.startServer();
        proxy = new RedisFaultProxy(redis.port());
        // A short command timeout, so a command the proxy slows by a few hundred ms counts as timed out.
        return Map.of("quarkus.redis.hosts", proxy.url(), "gateway.store.command-timeout", "250ms");
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
        redis.stopServer();
    }
}
