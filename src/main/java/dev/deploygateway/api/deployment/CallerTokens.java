package dev.deploygateway.api.deployment;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.smallrye.jwt.auth.AbstractBearerTokenExtractor;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * The SSE route's memory of the callers' tokens that Quarkus's JWT mechanism has verified, each until its own
 * expiry: a browser's reconnects, its tabs, and a crowd sharing one session are not verified again on every
 * connect, which is most of what a connect costs (RS256 and two JSON parses). The token is taken from the
 * request exactly as the JWT mechanism takes it (the same extractor, the same configuration), so both always
 * judge the same credential; anything not remembered goes through the mechanism.
 */
@Singleton
class CallerTokens {

    /** Distinct live tokens remembered; beyond this, new ones are simply verified every time. */
    private static final int CAPACITY = 10_000;

    private record Verified(String subject, long expiresAtMillis) {
    }

    private final JWTAuthContextInfo jwt;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    CallerTokens(JWTAuthContextInfo jwt) {
        this(jwt, Clock.systemUTC());
    }

    CallerTokens(JWTAuthContextInfo jwt, Clock clock) {
        this.jwt = jwt;
        this.clock = clock;
    }

    /** The token the JWT mechanism would verify for this request, if it carries one. */
    Optional<String> token(RoutingContext ctx) {
        return Optional.ofNullable(new AbstractBearerTokenExtractor(jwt) {
            @Override
            protected String getHeaderValue(String headerName) {
                return ctx.request().getHeader(headerName);
            }

            @Override
            protected String getCookieValue(String cookieName) {
                String header = ctx.request().getHeader(HttpHeaders.COOKIE);
                if (header == null) {
                    return null;
                }
                for (Cookie cookie : ServerCookieDecoder.STRICT.decode(header)) {
                    if (cookie.name().equals(cookieName)) {
                        return cookie.value();
                    }
                }
                return null;
            }
        }.getBearerToken());
    }

    /** The subject of a token verified before and not expired yet. */
    Optional<String> subject(String token) {
        Verified known = verified.get(token);
        if (known == null) {
            return Optional.empty();
        }
        if (clock.millis() >= known.expiresAtMillis()) {
            verified.remove(token, known);
            return Optional.empty();
        }
        return Optional.of(known.subject());
    }

    /** Remembers a token the mechanism has just verified as {@code principal}. */
    void remember(String token, JsonWebToken principal) {
        long now = clock.millis();
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(v -> now >= v.expiresAtMillis());
            if (verified.size() >= CAPACITY) {
                return;
            }
        }
        long expiresAt = principal.getExpirationTime() * 1000;
        if (expiresAt > now) {
            verified.put(token, new Verified(principal.getSubject(), expiresAt));
        }
    }
}
