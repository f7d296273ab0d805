package dev.deploygateway.sandbox.github;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who is calling: a user (by a personal or OAuth token), the platform installation (reads every repository, writes
 * none) or nobody (public repositories only). A token that resolves to nobody is GitHub's 401 "Bad credentials";
 * {@code Authorization: Bearer} and the older {@code token} scheme are both accepted, as GitHub does.
 */
@ApplicationScoped
class HubCaller {

    /** The caller of one request. */
    record Caller(Optional<HubAccounts.User> user, boolean installation, String rateKey) {

        HubAccounts.User requireUser() {
            return user.orElseThrow(HubError::requiresAuthentication);
        }
    }

    private final HubAccounts accounts;
    private final HubConfig config;

    HubCaller(HubAccounts accounts, HubConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    Caller resolve(String authorization) {
        Optional<String> token = token(authorization);
        if (token.isEmpty()) {
            return new Caller(Optional.empty(), false, "anonymous");
        }
        if (token.get().equals(config.installationToken())) {
            return new Caller(Optional.empty(), true, "installation");
        }
        var user = accounts.resolve(token.get()).orElseThrow(HubError::badCredentials);
        return new Caller(Optional.of(user), false, "user:" + user.login().toLowerCase(Locale.ROOT));
    }

    static Optional<String> token(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.trim();
        for (String scheme : new String[] { "Bearer ", "token " }) {
            if (value.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return Optional.of(value.substring(scheme.length()).trim()).filter(t -> !t.isEmpty());
            }
        }
        return Optional.empty();
    }
}
