package dev.deploygateway.connection;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.deploygateway.config.ConnectionsConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.PlatformTokens;
import dev.deploygateway.store.StoreKeys;
import io.smallrye.mutiny.Uni;

/**
 * {@link PlatformCredentials} over the stored connections, with single-flight refresh: per (user, platform) at
 * most one refresh runs across all instances. In this instance concurrent callers share one {@link Uni}; across
 * instances the one that takes the store lock ({@code SET NX PX}) refreshes, persists the rotated refresh token
 * (compare-and-set) and only then hands out the new access token; the others poll the record (Uni delays, bounded
 * by {@code refresh-wait-timeout}) until it shows a fresh token. A refused refresh marks the connection
 * RECONNECT_REQUIRED.
 */
@ApplicationScoped
public class CredentialBroker implements PlatformCredentials {

    private static final Logger LOG = Logger.getLogger(CredentialBroker.class);

    private final ConnectionStore connections;
    private final ConnectionTokens tokens;
    private final Connectables platforms;
    private final ConnectionsConfig config;
    private final Clock clock;
    private final Map<String, Uni<PlatformCredential>> inflight = new ConcurrentHashMap<>();

    @Inject
    CredentialBroker(ConnectionStore connections, ConnectionTokens tokens, Connectables platforms,
            ConnectionsConfig config) {
        this(connections, tokens, platforms, config, Clock.systemUTC());
    }

    CredentialBroker(ConnectionStore connections, ConnectionTokens tokens, Connectables platforms,
            ConnectionsConfig config, Clock clock) {
        this.connections = connections;
        this.tokens = tokens;
        this.platforms = platforms;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Uni<PlatformCredential> credentialFor(String userId, PlatformId platform) {
        return connections.find(userId, platform).chain(found -> {
            var current = usableRecord(platform, found);
            var record = current.record();
            if (fresh(record)) {
                return open(userId, platform, current);
            }
            if (record.refresh() == null) {
                // Nothing to refresh with: an expired token is dead, one inside the skew still works for now.
                return expired(record) ? markThenFail(userId, platform) : open(userId, platform, current);
            }
            return singleFlight(userId, platform);
        });
    }

    @Override
    public Uni<Void> markReconnectRequired(String userId, PlatformId platform) {
        return connections.find(userId, platform).chain(found -> {
            if (found.isEmpty() || found.get().record().state() == ConnectionState.RECONNECT_REQUIRED) {
                return Uni.createFrom().voidItem();
            }
            var current = found.get();
            return connections.replace(userId, current, current.record().withState(ConnectionState.RECONNECT_REQUIRED))
                    .chain(done -> {
                        if (done) {
                            LOG.infof("User %s's %s connection needs to be renewed", userId, platform.key());
                            return Uni.createFrom().voidItem();
                        }
                        return markReconnectRequired(userId, platform); // changed meanwhile: look again
                    });
        });
    }

    private Uni<PlatformCredential> singleFlight(String userId, PlatformId platform) {
        String key = userId + "\n" + platform.key();
        return inflight.computeIfAbsent(key, k -> acrossInstances(userId, platform)
                .onTermination().invoke(() -> inflight.remove(k))
                .memoize().indefinitely());
    }

    private Uni<PlatformCredential> acrossInstances(String userId, PlatformId platform) {
        String lock = StoreKeys.user(userId, "connection-refresh-lock:" + platform.key());
        String owner = Randomness.token();
        long deadline = clock.millis() + config.refreshWaitTimeout().toMillis();
        return attempt(userId, platform, lock, owner, deadline);
    }

    private Uni<PlatformCredential> attempt(String userId, PlatformId platform, String lock, String owner,
            long deadline) {
        return connections.store().setIfAbsent(lock, owner, config.refreshLockTtl()).chain(acquired -> {
            if (acquired) {
                return refreshHoldingLock(userId, platform)
                        .eventually(() -> connections.store().deleteIfEquals(lock, owner)
                                .onFailure().recoverWithItem(false));
            }
            // Another instance refreshes: wait for its result in the record.
            return connections.find(userId, platform).chain(found -> {
                var current = usableRecord(platform, found);
                if (fresh(current.record())) {
                    return open(userId, platform, current);
                }
                if (clock.millis() > deadline) {
                    return Uni.createFrom().failure(PlatformException.of(ErrorCode.PLATFORM_UNAVAILABLE, platform,
                            PlatformStep.AUTH, true, "Timed out waiting for the " + platform.key()
                                    + " token to be refreshed; retry."));
                }
                return Uni.createFrom().voidItem().onItem().delayIt().by(config.refreshPollInterval())
                        .chain(() -> attempt(userId, platform, lock, owner, deadline));
            });
        });
    }

    private Uni<PlatformCredential> refreshHoldingLock(String userId, PlatformId platform) {
        // Re-read under the lock: another instance may have refreshed between our read and our lock.
        return connections.find(userId, platform).chain(found -> {
            var current = usableRecord(platform, found);
            if (fresh(current.record())) {
                return open(userId, platform, current);
            }
            String refreshToken = tokens.open(userId, platform, ConnectionTokens.REFRESH, current.record().refresh())
                    .plaintext();
            var oauth = platforms.get(platform).oauth().orElseThrow(() -> reconnect(platform));
            return oauth.refresh(refreshToken)
                    .ifNoItem().after(config.refreshTimeout()).failWith(() -> PlatformException.of(
                            ErrorCode.TIMED_OUT, platform, PlatformStep.AUTH, true,
                            "The " + platform.key() + " token refresh did not answer in time"))
                    .onFailure(CredentialBroker::refused).call(e -> markReconnectRequired(userId, platform))
                    .onFailure(CredentialBroker::refused).transform(e -> reconnect(platform))
                    .chain(fresh -> persist(userId, platform, current, fresh));
        });
    }

    /** The rotated refresh token is stored before the new access token is handed to anyone. */
    private Uni<PlatformCredential> persist(String userId, PlatformId platform, ConnectionStore.Versioned current,
            PlatformTokens fresh) {
        String access = tokens.seal(userId, platform, ConnectionTokens.ACCESS, fresh.accessToken());
        String refresh = fresh.refreshToken().map(r -> tokens.seal(userId, platform, ConnectionTokens.REFRESH, r))
                .orElse(current.record().refresh());
        Long expiresAt = fresh.expiresAt().map(Instant::toEpochMilli).orElse(null);
        var updated = current.record().withTokens(access, refresh, expiresAt);
        return connections.replace(userId, current, updated).chain(stored -> {
            if (!stored) {
                // Disconnected or reconnected meanwhile: the refreshed tokens belong to a record that is gone.
                return connections.find(userId, platform).chain(found -> open(userId, platform,
                        usableRecord(platform, found)));
            }
            LOG.debugf("Refreshed user %s's %s token", userId, platform.key());
            return Uni.createFrom().item(new PlatformCredential(fresh.accessToken(),
                    Optional.ofNullable(current.record().teamId())));
        });
    }

    /** Decrypts the access token; values under a retired key or in the legacy format are rewrapped and stored. */
    private Uni<PlatformCredential> open(String userId, PlatformId platform, ConnectionStore.Versioned current) {
        var record = current.record();
        var access = tokens.open(userId, platform, ConnectionTokens.ACCESS, record.access());
        var credential = new PlatformCredential(access.plaintext(), Optional.ofNullable(record.teamId()));
        boolean refreshStale = record.refresh() != null
                && tokens.open(userId, platform, ConnectionTokens.REFRESH, record.refresh()).needsRewrap();
        if (!access.needsRewrap() && !refreshStale) {
            return Uni.createFrom().item(credential);
        }
        var rewrapped = record.withTokens(
                tokens.rewrap(userId, platform, ConnectionTokens.ACCESS, record.access()),
                record.refresh() == null ? null
                        : tokens.rewrap(userId, platform, ConnectionTokens.REFRESH, record.refresh()),
                record.accessExpiresAt());
        // Best effort: a lost race or a store hiccup only means the next read rewraps again.
        return connections.replace(userId, current, rewrapped).onFailure().recoverWithItem(false)
                .replaceWith(credential);
    }

    private ConnectionStore.Versioned usableRecord(PlatformId platform, Optional<ConnectionStore.Versioned> found) {
        var current = found.orElseThrow(() -> new GatewayException(ErrorCode.PLATFORM_NOT_CONNECTED,
                "Connect " + Connectable.displayName(platform) + " first."));
        if (current.record().state() == ConnectionState.RECONNECT_REQUIRED) {
            throw reconnect(platform);
        }
        return current;
    }

    private boolean fresh(ConnectionRecord record) {
        return record.accessExpiresAt() == null
                || record.accessExpiresAt() > clock.millis() + config.refreshSkew().toMillis();
    }

    private boolean expired(ConnectionRecord record) {
        return record.accessExpiresAt() != null && record.accessExpiresAt() <= clock.millis();
    }

    private Uni<PlatformCredential> markThenFail(String userId, PlatformId platform) {
        return markReconnectRequired(userId, platform).chain(() -> Uni.createFrom().failure(reconnect(platform)));
    }

    private static boolean refused(Throwable e) {
        return e instanceof GatewayException g && g.code() == ErrorCode.RECONNECT_REQUIRED;
    }

    static GatewayException reconnect(PlatformId platform) {
        return new GatewayException(ErrorCode.RECONNECT_REQUIRED, Connectable.displayName(platform)
                + " no longer accepts this connection; connect it again.");
    }
}
