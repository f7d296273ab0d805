package dev.deploygateway.identity;

import java.time.Instant;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.deploygateway.config.IdentityConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import io.vertx.core.http.HttpServerRequest;

/** The caller of the current request, as resolved by SmallRye JWT. */
@RequestScoped
public class CurrentCaller {

    private final JsonWebToken token;
    private final HttpServerRequest request;
    private final IdentityConfig config;

    CurrentCaller(JsonWebToken token, HttpServerRequest request, IdentityConfig config) {
        this.token = token;
        this.request = request;
        this.config = config;
    }

    /** The verified caller; 401 problem when the request carries no valid token. */
    public Caller get() {
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new GatewayException(ErrorCode.UNAUTHENTICATED, "A signed session or bearer token is required.");
        }
        return new Caller(subject, token.getIssuer(), source(), Instant.ofEpochSecond(token.getExpirationTime()));
    }

    private Caller.CredentialSource source() {
        // SmallRye JWT prefers the cookie when both are present (mp.jwt.token.header=Cookie).
        return request.getCookie(config.cookieName()) != null
                ? Caller.CredentialSource.COOKIE
                : Caller.CredentialSource.BEARER;
    }
}
