package dev.deploygateway.sandbox.railway;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is calling: the user behind an account token or OAuth access token in {@code Authorization: Bearer}, or a
 * project token in {@code Project-Access-Token} (which sees only its project, and no {@code me}). Unknown, expired
 * and revoked tokens get Railway's "Not Authorized".
 */
@ApplicationScoped
class BackboardCaller {

    /** {@code projectId}: set for a project access token, which may act in that project only. */
    record Caller(BackboardAccounts.User user, Optional<String> projectId) {
        String workspaceId() {
            return user.workspaceId();
        }

        boolean allows(BackboardProject project) {
            return project.workspaceId.equals(user.workspaceId()) && projectId.map(project.id::equals).orElse(true);
        }

        /** Account-level operations ({@code me}, {@code projectCreate}) are not for project tokens. */
        Caller accountLevel() {
            if (projectId.isPresent()) {
                throw BackboardError.notAuthorized();
            }
            return this;
        }

        /** The workspace an operation names, which must be the caller's own (absent = the caller's). */
        String workspace(String requested) {
            accountLevel();
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
        return resolve(authorization, null);
    }

    Caller resolve(String authorization, String projectToken) {
        if (projectToken != null && !projectToken.isBlank()) {
            return accounts.access(projectToken.trim()).filter(a -> a.projectId().isPresent())
                    .flatMap(a -> accounts.userById(a.userId()).map(u -> new Caller(u, a.projectId())))
                    .orElseThrow(BackboardError::notAuthorized);
        }
        return bearer(authorization).flatMap(accounts::access).filter(a -> a.projectId().isEmpty())
                .flatMap(a -> accounts.userById(a.userId())).map(u -> new Caller(u, Optional.empty()))
                .orElseThrow(BackboardError::notAuthorized);
    }

    static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).trim()).filter(t -> !t.isEmpty());
    }
}
