package dev.deploygateway.store;

import java.nio.file.Path;

import dev.deploygateway.ExecutablesPresent;

/**
 * Runs multi-node Redis tests (Cluster, Sentinel) only where Debian's {@code redis-server} and {@code redis-cli}
 * (7.x) are installed; elsewhere they are skipped, unless {@code -Dredis.required=true} (CI, which installs them)
 * turns the absence into a failure.
 */
public class DebianRedisPresent extends ExecutablesPresent {

    public static final Path SERVER = Path.of(System.getProperty("redis.server", "/usr/bin/redis-server"));
    public static final Path CLI = Path.of(System.getProperty("redis.cli", "/usr/bin/redis-cli"));

    public DebianRedisPresent() {
        super("redis-server and redis-cli", "Redis Cluster/Sentinel tests", "apt-get install -y redis-server",
                "redis.required", SERVER, CLI);
    }
}
