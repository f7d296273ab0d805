package dev.deploygateway.connection;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.deploygateway.config.ConnectionsConfig;
import dev.deploygateway.config.IdentityConfig;
import dev.deploygateway.config.OAuthClientsConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.CodeExchange;
import dev.deploygateway.platform.OAuthAuthorization;
import dev.deploygateway.platform.PlatformId;
import io.smallrye.mutiny.Uni;

/**
 * The OAuth handshake (RFC 9700 for a confidential client talking to several authorization servers):
 * a single-use 256-bit {@code state} bound to the caller, PKCE S256, a distinct redirect URI per platform
 * (checked on return together with the stored issuer), and an allow-listed {@code returnTo}.
 */
@ApplicationScoped
class OAuthConnector {

    private static final Logger LOG = Logger.getLogger(OAuthConnector.class);

    private final AuthorizationStates states;
    private final ConnectionWriter writer;
    private final ConnectionsConfig config;
    private final IdentityConfig identity;
    private final OAuthClientsConfig clients;
    private final Clock clock = Clock.systemUTC();

    OAuthConnector(AuthorizationStates states, ConnectionWriter writer, ConnectionsConfig config,
            IdentityConfig identity, OAuthClientsConfig clients) {
        this.states = states;
        this.writer = writer;
        this.config = config;
        this.identity = identity;
        this.clients = clients;
    }

    /** Starts a handshake; the answer is where to send the browser. */
    Uni<URI> start(String userId, Connectable platform, String returnTo, URI ownBase) {
        if (platform.oauth().isEmpty()) {
            return Uni.createFrom().failure(platform.unsupported("OAuth"));
        }
        String target = ReturnTo.validate(returnTo, identity.allowedOrigins());
        URI redirect = redirectUri(platform.id(), ownBase);
        String state = Randomness.token();
        String verifier = Randomness.token();
        URI authorize = platform.oauth().get().authorizationUrl(new OAuthAuthorization(state,
                Randomness.s256(verifier), redirect, List.of()));
        var pending = new PendingAuthorization(userId, platform.id().key(), issuer(authorize), redirect.toString(),
                target, verifier, clock.millis());
        return states.remember(state, pending, config.stateTtl()).replaceWith(authorize);
    }

    /**
     * Completes a handshake arriving on {@code platform}'s callback. A state that is unknown, used, expired,
     * someone else's or issued for another platform is answered 400 OAUTH_STATE_INVALID (there is no trusted
     * {@code returnTo} to send the browser to); any later failure redirects to {@code returnTo} with
     * {@code connectError=<code>}; success redirects with {@code connected=<platform>}.
     */
    Uni<URI> complete(String userId, Connectable platform, String code, String state, String error) {
        return states.consume(userId, state).chain(found -> {
            var pending = found.orElseThrow(() -> new GatewayException(ErrorCode.OAUTH_STATE_INVALID,
                    "This authorization is unknown, was already used, has expired or belongs to someone else; "
                            + "start connecting again."));
            if (!pending.platform().equals(platform.id().key())) {
                // Mix-up defence: the answer came back on another platform's redirect URI. The state is burnt.
                LOG.warnf("OAuth response for %s arrived on the %s callback; rejected", pending.platform(),
                        platform.id().key());
                throw new GatewayException(ErrorCode.OAUTH_STATE_INVALID,
                        "This authorization was started for another platform.");
            }
            if (error != null || code == null || code.isBlank()) {
                String reason = error == null ? "missing_code" : error.replaceAll("[^a-z_]", "");
                return Uni.createFrom().item(redirect(pending, "connectError", reason.isEmpty() ? "error" : reason));
            }
            var exchange = new CodeExchange(code, pending.verifier(), URI.create(pending.redirectUri()));
            var oauth = platform.oauth().orElseThrow(() -> platform.unsupported("OAuth"));
            return oauth.exchangeCode(exchange)
                    .chain(tokens -> writer.connect(userId, platform, tokens.credential(), ConnectMethod.OAUTH,
                            Optional.of(tokens), tokens.teamId()))
                    .map(connection -> redirect(pending, "connected", platform.id().key()))
                    .onFailure(GatewayException.class).recoverWithItem(e -> {
                        LOG.infof("Connecting %s for a user failed: %s", platform.id().key(),
                                ((GatewayException) e).code());
                        return redirect(pending, "connectError", ((GatewayException) e).code().name());
                    });
        });
    }

    private static URI redirect(PendingAuthorization pending, String name, String value) {
        return URI.create(ReturnTo.with(pending.returnTo(), name, value));
    }

    /** The platform's own callback on this service, unless {@code <PLATFORM>_CALLBACK_URL} names the exact one. */
    URI redirectUri(PlatformId platform, URI ownBase) {
        Optional<URI> configured = switch (platform) {
            case VERCEL -> clients.vercel().callbackUrl();
            case RAILWAY -> clients.railway().callbackUrl();
            case RENDER -> clients.render().callbackUrl();
            case GITHUB -> clients.github().callbackUrl();
            default -> Optional.empty();
        };
        return configured.orElseGet(() -> ownBase.resolve("/api/v1/platforms/" + platform.key() + "/callback"));
    }

    private static String issuer(URI authorize) {
        return authorize.getScheme() + "://" + authorize.getRawAuthority();
    }
}
