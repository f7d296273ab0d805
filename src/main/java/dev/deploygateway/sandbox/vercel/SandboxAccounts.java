package dev.deploygateway.sandbox.vercel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sandbox users, their one team each, and the tokens that act for them (personal tokens, OAuth access and
 * refresh tokens, integration tokens). Everything is in memory; unknown names are created on first use so the
 * demo needs no set-up.
 */
@ApplicationScoped
class SandboxAccounts {

    static final int MAX_USERS = 1000;
    static final int MAX_TOKENS = 10_000;

    record User(String id, String username, String email, String teamId) {
    }

    record Team(String id, String slug, String name, String ownerId) {
    }

    /** A token grant; {@code family} ties an access token to its refresh-token chain for revocation. */
    record Grant(String userId, Instant expiresAt, String scope, String family, Optional<String> teamId) {
    }

    /** An authorization code: single use, 30 minutes, bound to client, redirect URI and PKCE challenge. */
    record AuthCode(String userId, String clientId, String redirectUri, Optional<String> challenge, String scope,
            Instant expiresAt) {
    }

    private final Map<String, User> usersByName = new ConcurrentHashMap<>();
    private final Map<String, User> usersById = new ConcurrentHashMap<>();
    private final Map<String, Team> teams = new ConcurrentHashMap<>();
    private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, AuthCode> codes = new ConcurrentHashMap<>();
    /** Refresh tokens already exchanged, to detect reuse. */
    private final Map<String, String> rotated = new ConcurrentHashMap<>();
    private final SandboxVercelConfig config;
    private final Clock clock;
    /** Every refresh_token grant request, accepted or not: tests prove refreshes are single-flight with it. */
    private final AtomicLong refreshRequests = new AtomicLong();

    SandboxAccounts(SandboxVercelConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    User user(String username) {
        if (usersByName.size() >= MAX_USERS && !usersByName.containsKey(username)) {
            throw SandboxError.of(400, "bad_request", "Sandbox user limit reached");
        }
        return usersByName.computeIfAbsent(username, name -> {
            var team = new Team(SandboxIds.id("team_"), name + "-team", name + "'s team", "");
            var user = new User(SandboxIds.lower(24), name, name + "@sandbox.example", team.id());
            teams.put(team.id(), new Team(team.id(), team.slug(), team.name(), user.id()));
            usersById.put(user.id(), user);
            return user;
        });
    }

    Optional<User> userById(String id) {
        return Optional.ofNullable(usersById.get(id));
    }

    List<Team> teamsOf(User user) {
        return teams.values().stream().filter(t -> t.ownerId().equals(user.id())).toList();
    }

    /** A personal access token ({@code POST /_sandbox/tokens}); lifetime defaults to the configured one. */
    String mintToken(User user, Optional<Duration> lifetime) {
        String token = SandboxIds.secret("vsb_");
        put(accessTokens, token, new Grant(user.id(), clock.instant().plus(lifetime.orElse(config.tokenLifetime())),
                "", SandboxIds.lower(12), Optional.empty()));
        return token;
    }

    /** The live grant behind a bearer token; empty when unknown, expired or revoked. */
    Optional<Grant> grant(String token) {
        Grant grant = accessTokens.get(token);
        if (grant == null || !grant.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }

    void expire(String token) {
        accessTokens.computeIfPresent(token, (t, g) -> new Grant(g.userId(), clock.instant().minusSeconds(1),
                g.scope(), g.family(), g.teamId()));
    }

    /** Revokes the token and every token of its family (access and refresh). Unknown tokens are ignored. */
    void revoke(String token) {
        Grant grant = Optional.ofNullable(accessTokens.get(token)).orElse(refreshTokens.get(token));
        if (grant != null) {
            accessTokens.values().removeIf(g -> g.family().equals(grant.family()));
            refreshTokens.values().removeIf(g -> g.family().equals(grant.family()));
        }
    }

    String issueCode(User user, String clientId, String redirectUri, Optional<String> challenge, String scope) {
        String code = SandboxIds.secret("code_");
        put(codes, code, new AuthCode(user.id(), clientId, redirectUri, challenge, scope,
                clock.instant().plus(Duration.ofMinutes(30))));
        return code;
    }

    /** Consumes a code: a second redemption finds nothing, as codes are single use. */
    Optional<AuthCode> redeemCode(String code) {
        return Optional.ofNullable(codes.remove(code)).filter(c -> c.expiresAt().isAfter(clock.instant()));
    }

    /** Issues an access token (and a refresh token when {@code withRefresh}) in a new or existing family. */
    Map<String, String> issueTokens(String userId, String scope, String family, boolean withRefresh,
            Optional<String> teamId) {
        String access = SandboxIds.secret("vat_");
        var grant = new Grant(userId, clock.instant().plus(config.tokenLifetime()), scope, family, teamId);
        put(accessTokens, access, grant);
        if (!withRefresh) {
            return Map.of("access_token", access);
        }
        String refresh = SandboxIds.secret("vrt_");
        put(refreshTokens, refresh, new Grant(userId, clock.instant().plus(Duration.ofDays(30)), scope, family,
                teamId));
        return Map.of("access_token", access, "refresh_token", refresh);
    }

    /** Takes a refresh token out (rotation); reuse of an already rotated token revokes the whole family. */
    Optional<Grant> rotateRefresh(String refreshToken) {
        refreshRequests.incrementAndGet();
        Grant grant = refreshTokens.remove(refreshToken);
        if (grant != null) {
            put(rotated, refreshToken, grant.family());
        } else {
            String family = rotated.get(refreshToken);
            if (family != null) {
                accessTokens.values().removeIf(g -> g.family().equals(family));
                refreshTokens.values().removeIf(g -> g.family().equals(family));
            }
            return Optional.empty();
        }
        return Optional.of(grant).filter(g -> g.expiresAt().isAfter(clock.instant()));
    }

    long refreshRequests() {
        return refreshRequests.get();
    }

    Duration tokenLifetime() {
        return config.tokenLifetime();
    }

    private static <V> void put(Map<String, V> map, String key, V value) {
        if (map.size() >= MAX_TOKENS) {
            // Bounded memory: a sandbox under a long demo forgets arbitrary old tokens rather than growing.
            map.keySet().stream().findFirst().ifPresent(map::remove);
        }
        map.put(key, value);
    }
}
