package dev.deploygateway.sandbox.render;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** The key's user (401 otherwise), the workspaces it may act in and their services. */
@ApplicationScoped
class RndCaller {

    private final RndAccounts accounts;
    private final RndStore store;

    RndCaller(RndAccounts accounts, RndStore store) {
        this.accounts = accounts;
        this.store = store;
    }

    /** The service if it is in one of the key's workspaces; 404 {@code not found: <id>} otherwise. */
    RndService service(String authorization, String id) {
        var user = user(authorization);
        return store.service(id).filter(s -> ownerIds(user).contains(s.ownerId))
                .orElseThrow(() -> RndError.notFound(id));
    }

    RndAccounts.User user(String authorization) {
        return accounts.resolve(authorization).orElseThrow(RndError::unauthorized);
    }

    static List<String> ownerIds(RndAccounts.User user) {
        synchronized (user) {
            return user.owners().stream().map(RndAccounts.Owner::id).toList();
        }
    }

    RndAccounts.Owner owner(RndAccounts.User user, String ownerId) {
        return accounts.owner(user, ownerId).orElseThrow(() -> RndError.notFound(ownerId));
    }
}
