package dev.deploygateway.sandbox.railway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sandbox users (one workspace each) and the tokens acting for them: account tokens minted through the control
 * endpoint, and OAuth grants (codes, 1-hour access tokens, rotating refresh tokens). A grant is one user's
 * authorisation of one client; reusing a rotated refresh token revokes the whole grant, as Railway documents.
 * Everything is in memory and bounded.
 */
@ApplicationScoped
class BackboardAccounts {

    static final int MAX_USERS = 1000;
    static final int MAX_TOKENS = 10_000;

    record User(String id, String name, String email, String workspaceId, String workspaceName) {
    }

    /** A live access token: account tokens have no grant id; project tokens name their project. */
    record Access(String userId, Instant expiresAt, String scope, Optional<String> grantId,
            Optional<String> projectId) {
        Access(String userId, Instant expiresAt, String scope, Optional<String> grantId) {
            this(userId, expiresAt, scope, grantId, Optional.empty());
        }
    }

    record Refresh(String userId, String scope, String grantId, String clientId, Instant expiresAt) {
    }

    /** {@code offline}: the grant may have refresh tokens ({@code offline_access} with {@code prompt=consent}). */
    record Code(String userId, String clientId, String redirectUri, String challenge, String scope, boolean offline,
            Instant expiresAt) {
    }

    private final Map<String, User> usersByName = new ConcurrentHashMap<>();
    private final Map<String, User> usersById = new ConcurrentHashMap<>();
    private final Map<String, Access> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, String> rotated = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final AtomicLong refreshRequests = new AtomicLong();
    private final AtomicLong revokedGrants = new AtomicLong();
    private final BackboardConfig config;
    private final Clock clock = Clock.systemUTC();

    BackboardAccounts(BackboardConfig config) {
        this.config = config;
    }

    User user(String name) {
        if (usersByName.size() >= MAX_USERS && !usersByName.containsKey(name)) {
            throw BackboardError.invalid("Sandbox user limit reached");
        }
        return usersByName.computeIfAbsent(name, n -> {
            var user = new User(BackboardIds.uuid(), n, n + "@sandbox.example", BackboardIds.uuid(),
                    n + "'s Projects");
            usersById.put(user.id(), user);
            return user;
        });
    }

    Optional<User> userById(String id) {
        return Optional.ofNullable(usersById.get(id));
    }

    String mintAccountToken(User user, Optional<Duration> lifetime) {
        String token = BackboardIds.uuid();
        put(accessTokens, token, new Access(user.id(), clock.instant().plus(lifetime.orElse(config.tokenLifetime())),
                "", Optional.empty()));
        return token;
    }

    /** A project access token ({@code Project-Access-Token}) for one project of the user. */
    String mintProjectToken(User user, String projectId) {
        String token = BackboardIds.uuid();
        put(accessTokens, token, new Access(user.id(), clock.instant().plus(Duration.ofDays(365)), "",
                Optional.empty(), Optional.of(projectId)));
        return token;
    }

    /** The live access behind a token; empty when unknown, expired or revoked. */
    Optional<Access> access(String token) {
        return Optional.ofNullable(accessTokens.get(token)).filter(a -> a.expiresAt().isAfter(clock.instant()));
    }

    void expire(String token) {
        accessTokens.computeIfPresent(token, (t, a) -> new Access(a.userId(), clock.instant().minusSeconds(1),
                a.scope(), a.grantId(), a.projectId()));
    }

    String issueCode(User user, String clientId, String redirectUri, String challenge, String scope,
            boolean offline) {
        String code = BackboardIds.secret("");
        put(codes, code, new Code(user.id(), clientId, redirectUri, challenge, scope, offline,
                clock.instant().plus(Duration.ofMinutes(1))));
        return code;
    }

    /** Consumes a code: codes are single use. */
    Optional<Code> redeemCode(String code) {
        return Optional.ofNullable(code == null ? null : codes.remove(code))
                .filter(c -> c.expiresAt().isAfter(clock.instant()));
    }

    /** Issues an access token and, when {@code withRefresh}, a refresh token of {@code grantId}. */
    Map<String, String> issue(String userId, String scope, String grantId, String clientId, boolean withRefresh) {
        String access = BackboardIds.secret("rat_");
        put(accessTokens, access, new Access(userId, clock.instant().plus(config.tokenLifetime()), scope,
                Optional.of(grantId)));
        if (!withRefresh) {
            return Map.of("access_token", access);
        }
        String refresh = BackboardIds.secret("rrt_");
        put(refreshTokens, refresh, new Refresh(userId, scope, grantId, clientId, clock.instant().plus(
                Duration.ofDays(365))));
        return Map.of("access_token", access, "refresh_token", refresh);
    }

    /**
     * Takes a refresh token out (rotation). Presenting one that was already rotated revokes the whole grant: an
     * attacker and the legitimate client cannot both keep using a leaked token.
     */
    Optional<Refresh> rotate(String refreshToken) {
        refreshRequests.incrementAndGet();
        if (refreshToken == null) {
            return Optional.empty();
        }
        Refresh refresh = refreshTokens.remove(refreshToken);
        if (refresh == null) {
            String grant = rotated.get(refreshToken);
            if (grant != null) {
                revokeGrant(grant);
            }
            return Optional.empty();
        }
        put(rotated, refreshToken, refresh.grantId());
        return Optional.of(refresh).filter(r -> r.expiresAt().isAfter(clock.instant()));
    }

    /** Revokes a token; an OAuth token takes its whole grant with it. Unknown tokens are ignored (RFC 7009). */
    void revoke(String token) {
        Access access = accessTokens.remove(token);
        Refresh refresh = refreshTokens.get(token);
        Optional<String> grant = access != null ? access.grantId()
                : Optional.ofNullable(refresh).map(Refresh::grantId);
        grant.ifPresent(this::revokeGrant);
    }

    private void revokeGrant(String grantId) {
        revokedGrants.incrementAndGet();
        accessTokens.values().removeIf(a -> a.grantId().filter(grantId::equals).isPresent());
        refreshTokens.values().removeIf(r -> r.grantId().equals(grantId));
    }

    long refreshRequests() {
        return refreshRequests.get();
    }

    long revokedGrants() {
        return revokedGrants.get();
    }

    Duration tokenLifetime() {
        return config.tokenLifetime();
    }

    private static <V> void put(Map<String, V> map, String key, V value) {
        if (map.size() >= MAX_TOKENS) {
            // Bounded memory: a long demo forgets arbitrary old entries rather than growing.
            map.keySet().stream().findFirst().ifPresent(map::remove);
        }
        map.put(key, value);
    }
}
