package dev.deploygateway.platform;

import java.util.List;
import java.util.Optional;

/** Who a token belongs to, and the teams/workspaces it can deploy into. */
public record PlatformAccount(String id, String username, Optional<String> email, List<Team> teams) {

    public PlatformAccount {
        teams = List.copyOf(teams);
    }

    /** A team (Vercel), workspace (Railway) or owner (Render) the account may act in. */
    public record Team(String id, String slug, String name) {
    }
}
