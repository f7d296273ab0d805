package dev.deploygateway.sandbox.vercel;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is calling: the bearer token's user and the owner the call acts for ({@code teamId} query parameter, else
 * the personal account). Unknown, expired and revoked tokens, and teams the user is not in, get Vercel's 403.
 */
@ApplicationScoped
class SandboxCaller {

    /** {@code team}: the team the call acts for, empty for the personal account. */
    record Caller(SandboxAccounts.User user, String ownerId, Optional<SandboxAccounts.Team> team) {
    }

    private final SandboxAccounts accounts;

    SandboxCaller(SandboxAccounts accounts) {
        this.accounts = accounts;
    }

    Caller resolve(String authorization, String teamId) {
        SandboxAccounts.User user = bearer(authorization).flatMap(accounts::grant)
                .flatMap(g -> accounts.userById(g.userId()))
                .orElseThrow(SandboxError::forbidden);
        if (teamId == null || teamId.isBlank()) {
            return new Caller(user, user.id(), Optional.empty());
        }
        var team = accounts.teamsOf(user).stream().filter(t -> t.id().equals(teamId)).findFirst()
                .orElseThrow(() -> SandboxError.of(403, "forbidden", "You don't have permission to access this team",
                        Map.of("invalidToken", false)));
        return new Caller(user, teamId, Optional.of(team));
    }

    static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).trim()).filter(t -> !t.isEmpty());
    }
}
