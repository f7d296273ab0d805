package dev.deploygateway.sandbox.github;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sandbox users and organisations, and the tokens that act for users: fine-grained personal access tokens
 * ({@code github_pat_…}, no expiry) minted through the control endpoint, and a GitHub App's user-to-server grants
 * (codes, {@code ghu_} access tokens that expire, {@code ghr_} refresh tokens that rotate). Refreshing retires both
 * the used refresh token and the grant's previous access token; presenting a retired refresh token revokes the grant.
 * In memory and bounded.
 */
@ApplicationScoped
class HubAccounts {

    static final int MAX_ENTRIES = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A user or an organisation: what repositories belong to. */
    record Owner(long id, String login, boolean organization) {
        String type() {
            return organization ? "Organization" : "User";
        }
    }

    /** A user; {@code orgs} are the logins of the organisations they belong to. */
    record User(Owner owner, String name, String email, Set<String> orgs, Instant createdAt) {
        String login() {
            return owner.login();
        }
    }

    /** A live token: {@code grantId} only for OAuth tokens. */
    record Access(String login, Optional<Instant> expiresAt, Optional<String> grantId) {
    }

    record Refresh(String login, String clientId, String grantId, Instant expiresAt) {
    }

    record Code(String login, String clientId, String redirectUri, String challenge, Instant expiresAt) {
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Owner> orgs = new ConcurrentHashMap<>();
    private final Map<String, Access> access = new ConcurrentHashMap<>();
    private final Map<String, Refresh> refresh = new ConcurrentHashMap<>();
    private final Map<String, String> retiredRefresh = new ConcurrentHashMap<>();
    private final Map<String, String> grantAccess = new ConcurrentHashMap<>();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final AtomicLong refreshRequests = new AtomicLong();
    private final AtomicLong revokedGrants = new AtomicLong();
    private final HubConfig config;
    private final Clock clock = Clock.systemUTC();

    HubAccounts(HubConfig config) {
        this.config = config;
    }

    /** The user with this login, created on first use, a member of {@code orgs} (created too). */
    User user(String login, Set<String> memberOf) {
        memberOf.forEach(this::org);
        User user = users.computeIfAbsent(key(login), k -> new User(new Owner(ids.incrementAndGet(), login, false),
                login, login + "@users.noreply.sandbox", ConcurrentHashMap.newKeySet(), clock.instant()));
        user.orgs().addAll(memberOf);
        return user;
    }

    Owner org(String login) {
        if (users.containsKey(key(login))) {
            throw HubError.validation("Organization", "login", "is a user's login");
        }
        return orgs.computeIfAbsent(key(login), k -> new Owner(ids.incrementAndGet(), login, true));
    }

    Optional<User> userByLogin(String login) {
        return Optional.ofNullable(login == null ? null : users.get(key(login)));
    }

    Optional<Owner> orgByLogin(String login) {
        return Optional.ofNullable(login == null ? null : orgs.get(key(login)));
    }

    boolean member(User user, Owner org) {
        return user.orgs().stream().anyMatch(o -> o.equalsIgnoreCase(org.login()));
    }

    String mintPersonalToken(User user) {
        String token = "github_pat_" + secret(30);
        put(access, token, new Access(user.login(), Optional.empty(), Optional.empty()));
        return token;
    }

    /** The user a token acts for; empty when unknown, expired or revoked. */
    Optional<User> resolve(String token) {
        return Optional.ofNullable(token == null ? null : access.get(token))
                .filter(a -> a.expiresAt().map(at -> at.isAfter(clock.instant())).orElse(true))
                .flatMap(a -> userByLogin(a.login()));
    }

    void expire(String token) {
        access.computeIfPresent(token, (t, a) -> new Access(a.login(), Optional.of(clock.instant().minusSeconds(1)),
                a.grantId()));
    }

    String issueCode(User user, String clientId, String redirectUri, String challenge) {
        String code = secret(10);
        put(codes, code, new Code(user.login(), clientId, redirectUri, challenge,
                clock.instant().plus(Duration.ofMinutes(10))));
        return code;
    }

    /** Takes a code out: codes are single use and live ten minutes. */
    Optional<Code> redeem(String code) {
        return Optional.ofNullable(code == null ? null : codes.remove(code))
                .filter(c -> c.expiresAt().isAfter(clock.instant()));
    }

    /** A new grant's first tokens. */
    Map<String, String> grant(String login, String clientId) {
        return tokens(login, clientId, "grant-" + secret(8));
    }

    /**
     * Rotates a refresh token into new tokens; a retired one revokes its whole grant. Empty when refused (unknown,
     * expired, another client's, or retired).
     */
    Optional<Map<String, String>> rotate(String refreshToken, String clientId) {
        refreshRequests.incrementAndGet();
        if (refreshToken == null) {
            return Optional.empty();
        }
        Refresh used = refresh.remove(refreshToken);
        if (used == null) {
            Optional.ofNullable(retiredRefresh.get(refreshToken)).ifPresent(this::revokeGrant);
            return Optional.empty();
        }
        put(retiredRefresh, refreshToken, used.grantId());
        if (!used.clientId().equals(clientId) || !used.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(tokens(used.login(), clientId, used.grantId()));
    }

    private Map<String, String> tokens(String login, String clientId, String grantId) {
        // The grant's previous access token stops working when it is refreshed, as GitHub documents.
        Optional.ofNullable(grantAccess.get(grantId)).ifPresent(access::remove);
        String accessToken = "ghu_" + secret(18);
        String refreshToken = "ghr_" + secret(38);
        put(access, accessToken, new Access(login, Optional.of(clock.instant().plus(config.tokenLifetime())),
                Optional.of(grantId)));
        put(grantAccess, grantId, accessToken);
        put(refresh, refreshToken, new Refresh(login, clientId, grantId,
                clock.instant().plus(config.refreshTokenLifetime())));
        return Map.of("access_token", accessToken, "refresh_token", refreshToken);
    }

    /** Revokes the grant an access token belongs to (an app's "delete grant"); true when there was one. */
    boolean revokeByAccessToken(String token) {
        Access found = token == null ? null : access.get(token);
        if (found == null || found.grantId().isEmpty()) {
            return false;
        }
        revokeGrant(found.grantId().get());
        return true;
    }

    private void revokeGrant(String grantId) {
        revokedGrants.incrementAndGet();
        access.values().removeIf(a -> a.grantId().filter(grantId::equals).isPresent());
        refresh.values().removeIf(r -> r.grantId().equals(grantId));
        grantAccess.remove(grantId);
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    long refreshRequests() {
        return refreshRequests.get();
    }

    long revokedGrants() {
        return revokedGrants.get();
    }

    static String secret(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String key(String login) {
        return login.toLowerCase(Locale.ROOT);
    }

    private static <V> void put(Map<String, V> map, String key, V value) {
        if (map.size() >= MAX_ENTRIES) {
            // Bounded memory: a long demo forgets arbitrary old entries rather than growing.
            map.keySet().stream().findFirst().ifPresent(map::remove);
        }
        map.put(key, value);
    }
}
