package dev.deploygateway.sandbox.vercel;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is calling: the bearer token's user and the owner the call acts for ({@code teamId} query parameter, else
 * the personal account). Unknown, expired and revoked tokens, and teams the user is not in, get Vercel's 403.
 */
@ApplicationScoped
class SandboxCaller {

    record Caller(SandboxAccounts.User user, String ownerId) {
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
            return new Caller(user, user.id());
        }
        boolean member = accounts.teamsOf(user).stream().anyMatch(t -> t.id().equals(teamId));
        if (!member) {
            throw SandboxError.of(403, "forbidden", "You don't have permission to access this team",
                    java.util.Map.of("invalidToken", false));
        }
        return new Caller(user, teamId);
    }

    static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).trim()).filter(t -> !t.isEmpty());
    }
}
