package dev.deploygateway.sandbox.render;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sandbox users and their API keys ({@code rnd_…}). A key acts in every workspace its user belongs to: the personal
 * one ({@code type: user}) and, when minted with a team, that team too, as Render's keys do.
 */
@ApplicationScoped
class RndAccounts {

    static final int MAX_KEYS = 10_000;

    /** A workspace. */
    record Owner(String id, String name, String email, String type, Instant createdAt) {
    }

    /** A user: their personal workspace and the teams they belong to. */
    record User(String name, String email, Owner personal, List<Owner> teams) {
        List<Owner> owners() {
            var all = new ArrayList<Owner>();
            all.add(personal);
            all.addAll(teams);
            return all;
        }
    }

    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Owner> teams = new ConcurrentHashMap<>();
    private final Map<String, String> keys = new ConcurrentHashMap<>();

    User user(String name, Optional<String> team) {
        User user = users.computeIfAbsent(name, n -> new User(n, n + "@render.sandbox", new Owner(RndIds.of("tea"),
                n + "'s workspace", n + "@render.sandbox", "user", Instant.now()), new ArrayList<>()));
        team.ifPresent(t -> {
            Owner owner = teams.computeIfAbsent(t, n -> new Owner(RndIds.of("tea"), n, n + "@teams.render.sandbox",
                    "team", Instant.now()));
            synchronized (user) {
                if (!user.teams().contains(owner)) {
                    user.teams().add(owner);
                }
            }
        });
        return user;
    }

    String mint(User user) {
        if (keys.size() >= MAX_KEYS) {
            keys.keySet().stream().findFirst().ifPresent(keys::remove);
        }
        String key = RndIds.key();
        keys.put(key, user.name());
        return key;
    }

    void revoke(String key) {
        keys.remove(key);
    }

    Optional<User> resolve(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.ofNullable(keys.get(authorization.substring(7).trim())).map(users::get);
    }

    /** The workspace if the user is in it. */
    Optional<Owner> owner(User user, String ownerId) {
        synchronized (user) {
            return user.owners().stream().filter(o -> o.id().equals(ownerId)).findFirst();
        }
    }
}
