package dev.deploygateway.platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Tokens obtained from a platform's OAuth token endpoint. {@code refreshToken} is present only when the
 * platform issues one (and rotates it: always store the newest). {@code teamId} is the team the grant is
 * bound to, when the platform says so (Vercel integrations).
 */
public record PlatformTokens(
        String accessToken,
        Optional<String> refreshToken,
        Optional<Instant> expiresAt,
        List<String> scopes,
        Optional<String> teamId) {

    public PlatformTokens {
        scopes = List.copyOf(scopes);
    }

    public PlatformCredential credential() {
        return new PlatformCredential(accessToken, teamId);
    }

    @Override
    public String toString() {
        return "PlatformTokens[access=***, refresh=" + (refreshToken.isPresent() ? "***" : "-") + ", expiresAt="
                + expiresAt.map(Instant::toString).orElse("-") + ", scopes=" + scopes + "]";
    }
}
