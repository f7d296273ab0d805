package dev.deploygateway.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Caller identity. Token verification itself is configured through SmallRye JWT's standard keys
 * ({@code mp.jwt.verify.*}, mapped from {@code JWT_ISSUER}, {@code JWT_AUDIENCE},
 * {@code JWT_PUBLIC_KEY_LOCATION}); this mapping holds what the gateway adds around it.
 */
@ConfigMapping(prefix = "gateway.identity")
public interface IdentityConfig {

    /** {@code SESSION_COOKIE_NAME}: the HttpOnly cookie that carries the session JWT for browsers. */
    @WithDefault("dg_session")
    String cookieName();

    /** {@code SESSION_COOKIE_SECURE}: mark the session cookie Secure (always true in prod). */
    @WithDefault("false")
    boolean cookieSecure();

    /** Lifetime of a demo session issued by {@code POST /api/v1/dev/session}. */
    @WithDefault("1h")
    Duration demoSessionTtl();

    /**
     * {@code ALLOWED_ORIGINS}: browser origins (scheme://host[:port]) allowed to call the API with
     * credentials; also the origins accepted by the CSRF check on cookie-authenticated writes.
     */
    @WithDefault("http://localhost:8080")
    List<String> allowedOrigins();
}
