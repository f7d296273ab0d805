package dev.deploygateway.platform;

import java.util.List;

/**
 * A provisioned database: the platform's id for it and the names of the environment variables it wired into
 * the project (e.g. {@code DATABASE_URL}). The connection string itself stays on the platform.
 */
public record DatabaseInfo(String id, String name, String status, List<String> envVarNames) {

    public DatabaseInfo {
        envVarNames = List.copyOf(envVarNames);
    }

    /** Database engines a platform may offer. */
    public enum Kind {
        POSTGRES, MYSQL, REDIS, MONGODB
    }
}
