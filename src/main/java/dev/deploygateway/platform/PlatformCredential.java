package dev.deploygateway.platform;

import java.util.Objects;
import java.util.Optional;

/**
 * The caller's decrypted platform token for exactly one call chain, plus the team/workspace it acts in.
 * Passed explicitly to every platform operation: no platform client keeps a token between requests.
 * {@link #toString()} never shows the token.
 */
public record PlatformCredential(String accessToken, Optional<String> teamId) {

    public PlatformCredential {
        Objects.requireNonNull(accessToken, "accessToken");
        teamId = teamId == null ? Optional.empty() : teamId.filter(t -> !t.isBlank());
    }

    public static PlatformCredential of(String accessToken) {
        return new PlatformCredential(accessToken, Optional.empty());
    }

    public PlatformCredential inTeam(String team) {
        return new PlatformCredential(accessToken, Optional.ofNullable(team));
    }

    /** The value of an {@code Authorization} header. */
    public String bearer() {
        return "Bearer " + accessToken;
    }

    @Override
    public String toString() {
        return "PlatformCredential[token=***, teamId=" + teamId.orElse("-") + "]";
    }
}
