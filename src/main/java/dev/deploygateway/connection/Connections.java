package dev.deploygateway.connection;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.Capability;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.Platforms;
import io.smallrye.mutiny.Uni;

/**
 * What the connection routes do, always for the calling user only: another user's connection is simply not
 * found. Store outages propagate as 503 STORE_UNAVAILABLE; nothing is answered from a guess.
 */
@ApplicationScoped
public class Connections {

    private static final Logger LOG = Logger.getLogger(Connections.class);

    private final Platforms platforms;
    private final Connectables connectables;
    private final ConnectionStore store;
    private final ConnectionTokens tokens;
    private final ConnectionWriter writer;
    private final OAuthConnector oauth;
    private final CredentialBroker credentials;

    Connections(Platforms platforms, Connectables connectables, ConnectionStore store, ConnectionTokens tokens,
            ConnectionWriter writer, OAuthConnector oauth, CredentialBroker credentials) {
        this.platforms = platforms;
        this.connectables = connectables;
        this.store = store;
        this.tokens = tokens;
        this.writer = writer;
        this.oauth = oauth;
        this.credentials = credentials;
    }

    /**
     * A platform (or source host), the caller's connection to it if any, and for a git-only platform the source hosts
     * its projects go to.
     */
    public record PlatformStatus(Connectable platform, Optional<Connection> connection, List<PlatformId> sourceHosts) {
    }

    public Uni<List<PlatformStatus>> list(String userId) {
        List<Uni<PlatformStatus>> each = new ArrayList<>();
        for (Connectable platform : connectables.all()) {
            each.add(store.find(userId, platform.id())
                    .map(found -> new PlatformStatus(platform, found.map(v -> v.record().view()),
                            connectables.sourceHostsFor(platform))));
        }
        return each.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(each).andFailFast().map(List::copyOf);
    }

    public Uni<Connection> get(String userId, String platformKey) {
        var platform = connectables.byKey(platformKey);
        return store.find(userId, platform.id()).map(found -> found.map(v -> v.record().view())
                .orElseThrow(() -> notFound(platform)));
    }

    public Uni<URI> startOAuth(String userId, String platformKey, String returnTo, URI ownBase) {
        return oauth.start(userId, connectables.byKey(platformKey), returnTo, ownBase);
    }

    public Uni<URI> completeOAuth(String userId, String platformKey, String code, String state, String error) {
        return oauth.complete(userId, connectables.byKey(platformKey), code, state, error);
    }

    /** Connects with a pasted token: stored only after the platform confirmed whose it is. */
    public Uni<Connection> connectWithToken(String userId, String platformKey, String token, String teamId) {
        var platform = connectables.byKey(platformKey);
        if (!platform.capabilities().has(Capability.API_TOKEN)) {
            return Uni.createFrom().failure(platform.unsupported("connecting with an API token"));
        }
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Uni.createFrom().failure(new GatewayException(ErrorCode.VALIDATION_FAILED,
                    "token is required (at most 4096 characters)."));
        }
        var credential = new PlatformCredential(token.strip(), Optional.ofNullable(teamId));
        return writer.connect(userId, platform, credential, ConnectMethod.TOKEN,
                Optional.empty(), credential.teamId())
                .onFailure(e -> e instanceof PlatformException p && p.code() == ErrorCode.RECONNECT_REQUIRED)
                .transform(e -> new GatewayException(ErrorCode.PLATFORM_TOKEN_REJECTED,
                        platform.displayName() + " did not accept this token."));
    }

    /** Revokes upstream where the platform can (best effort), then forgets the connection. */
    public Uni<Void> disconnect(String userId, String platformKey) {
        var platform = connectables.byKey(platformKey);
        var id = platform.id();
        return store.find(userId, id).chain(found -> {
            var current = found.orElseThrow(() -> notFound(platform));
            return revoke(userId, platform, current.record()).chain(() -> store.delete(userId, id))
                    .invoke(() -> LOG.infof("User %s disconnected %s", userId, id.key())).replaceWithVoid();
        });
    }

    /** Platforms with OAuth can revoke; the others' tokens (pasted API keys) are the user's to manage. */
    private Uni<Void> revoke(String userId, Connectable platform, ConnectionRecord record) {
        if (platform.oauth().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        var id = platform.id();
        return Uni.createFrom().deferred(() -> {
            // The refresh token names the whole grant; revoking it ends the access tokens too.
            String field = record.refresh() != null ? ConnectionTokens.REFRESH : ConnectionTokens.ACCESS;
            String stored = record.refresh() != null ? record.refresh() : record.access();
            return platform.oauth().get().revoke(tokens.open(userId, id, field, stored).plaintext());
        }).onFailure().recoverWithUni(e -> {
            LOG.warnf("Revoking user %s's %s token failed (%s); the connection is deleted anyway", userId, id.key(),
                    e instanceof GatewayException g ? g.code() : e.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        });
    }

    /** Name check with the caller's credential; suggestions are checked too, and only free ones are offered. */
    public Uni<ProjectNames.Verdict> checkName(String userId, String platformKey, String name, String teamId) {
        if (connectables.byKey(platformKey).kind() == Connectable.Kind.SOURCE_HOST) {
            return Uni.createFrom().failure(connectables.byKey(platformKey).unsupported("project name checks (a "
                    + "repository name is checked when a deployment pushes to it)"));
        }
        var platform = platforms.byKey(platformKey);
        return credentials.credentialFor(userId, platform.id())
                .map(c -> teamId == null || teamId.isBlank() ? c : c.inTeam(teamId))
                .chain(credential -> ProjectNames.check(platform, credential, name))
                .onFailure(e -> e instanceof PlatformException p && p.code() == ErrorCode.RECONNECT_REQUIRED
                        && teamId == null)
                .call(e -> credentials.markReconnectRequired(userId, platform.id()));
    }

    private static GatewayException notFound(Connectable platform) {
        return new GatewayException(ErrorCode.NOT_FOUND, "No " + platform.displayName() + " connection.");
    }
}
