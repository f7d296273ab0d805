package dev.deploygateway.sandbox.railway;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is calling: the user behind an account token or OAuth access token in {@code Authorization: Bearer}. Unknown,
 * expired and revoked tokens get Railway's "Not Authorized". Project access tokens are not simulated.
 */
@ApplicationScoped
class BackboardCaller {

    record Caller(BackboardAccounts.User user) {
        String workspaceId() {
            return user.workspaceId();
        }

        /** The workspace an operation names, which must be the caller's own (absent = the caller's). */
        String workspace(String requested) {
            if (requested != null && !requested.isBlank() && !requested.equals(user.workspaceId())) {
                throw BackboardError.notAuthorized();
            }
            return user.workspaceId();
        }
    }

    private final BackboardAccounts accounts;

    BackboardCaller(BackboardAccounts accounts) {
        this.accounts = accounts;
    }

    Caller resolve(String authorization) {
        return bearer(authorization).flatMap(accounts::access).flatMap(a -> accounts.userById(a.userId()))
                .map(Caller::new).orElseThrow(BackboardError::notAuthorized);
    }

    static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).trim()).filter(t -> !t.isEmpty());
    }
}
