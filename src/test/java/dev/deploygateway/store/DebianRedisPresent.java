package dev.deploygateway.store;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs multi-node Redis tests (Cluster, Sentinel) only where Debian's {@code redis-server} and {@code redis-cli}
 * (7.x) are installed; elsewhere they are skipped with a message, unless {@code -Dredis.required=true} (CI,
 * which installs them) turns the absence into a failure. Evaluated before Quarkus starts.
 */
public class DebianRedisPresent implements ExecutionCondition {

    public static final Path SERVER = Path.of(System.getProperty("redis.server", "/usr/bin/redis-server"));
    public static final Path CLI = Path.of(System.getProperty("redis.cli", "/usr/bin/redis-cli"));

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(SERVER) && Files.isExecutable(CLI)) {
            return ConditionEvaluationResult.enabled("redis-server and redis-cli are installed");
        }
        String message = "Redis Cluster/Sentinel tests need " + SERVER + " and " + CLI
                + " (apt-get install -y redis-server)";
        if (Boolean.getBoolean("redis.required")) {
            throw new IllegalStateException(message + "; redis.required=true makes their absence a failure");
        }
        return ConditionEvaluationResult.disabled(message + "; skipped. Set -Dredis.required=true to fail instead.");
    }
}
