package dev.deploygateway.connection;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.PlatformAccount;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformTokens;
import io.smallrye.mutiny.Uni;

/**
 * Creates a connection: asks the platform who the token belongs to ({@code verify}), checks the chosen team,
 * then stores the record with the tokens encrypted. Nothing is stored unless the platform accepted the token.
 */
@ApplicationScoped
class ConnectionWriter {

    private static final Logger LOG = Logger.getLogger(ConnectionWriter.class);

    private final ConnectionStore store;
    private final ConnectionTokens tokens;
    private final Clock clock = Clock.systemUTC();

    ConnectionWriter(ConnectionStore store, ConnectionTokens tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    Uni<Connection> connect(String userId, Connectable platform, PlatformCredential credential,
            ConnectMethod method, Optional<PlatformTokens> granted, Optional<String> teamId) {
        return platform.verify(credential).chain(account -> {
            if (teamId.isPresent() && account.teams().stream().noneMatch(t -> t.id().equals(teamId.get()))) {
                throw new GatewayException(ErrorCode.VALIDATION_FAILED, "The token cannot act in this team.");
            }
            var id = platform.id();
            String access = tokens.seal(userId, id, ConnectionTokens.ACCESS, credential.accessToken());
            String refresh = granted.flatMap(PlatformTokens::refreshToken)
                    .map(r -> tokens.seal(userId, id, ConnectionTokens.REFRESH, r)).orElse(null);
            Long expiresAt = granted.flatMap(PlatformTokens::expiresAt).map(Instant::toEpochMilli).orElse(null);
            var record = new ConnectionRecord(id.key(), ConnectionState.CONNECTED, method, account.id(),
                    account.username(), name(account), account.teams(), teamId.orElse(null), clock.millis(),
                    expiresAt, access, refresh);
            LOG.infof("User %s connected %s (%s) as %s", userId, id.key(), method.key(), account.username());
            return store.save(userId, record).replaceWith(record.view());
        });
    }

    /** The SPI's account carries no display name; the e-mail's local part is not one either, so use the username. */
    private static String name(PlatformAccount account) {
        return account.username();
    }
}
