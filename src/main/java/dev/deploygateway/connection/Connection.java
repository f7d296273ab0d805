package dev.deploygateway.connection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.deploygateway.platform.PlatformAccount;
import dev.deploygateway.platform.PlatformId;

/**
 * A connection as callers may see it: who the platform account is, how and when it was linked, and whether it is
 * usable. Deliberately has no token field, so no response built from it can leak one.
 *
 * @param teamId the team chosen when connecting (deployments act in it unless told otherwise)
 * @param accessExpiresAt when the access token expires; empty for tokens without expiry (pasted API tokens)
 */
public record Connection(PlatformId platform, ConnectionState state, ConnectMethod method, Account account,
        List<PlatformAccount.Team> teams, Optional<String> teamId, Instant connectedAt,
        Optional<Instant> accessExpiresAt) {

    public Connection {
        teams = List.copyOf(teams);
    }

    /** The platform account behind the token. */
    public record Account(String id, String username, String name) {
    }
}
