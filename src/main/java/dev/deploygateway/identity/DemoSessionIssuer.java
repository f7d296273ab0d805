package dev.deploygateway.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.deploygateway.config.IdentityConfig;
import io.smallrye.jwt.build.Jwt;

/**
 * Issues short-lived session tokens for the demo sign-in. Signed with {@code smallrye.jwt.sign.key}, which
 * outside prod is the ephemeral key from {@link DemoSigningKeySource} unless an operator configured one.
 */
@ApplicationScoped
public class DemoSessionIssuer {

    private final IdentityConfig config;
    private final String issuer;
    private final Set<String> audiences;

    DemoSessionIssuer(IdentityConfig config,
            @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") Set<String> audiences) {
        this.config = config;
        this.issuer = issuer;
        this.audiences = audiences;
    }

    /** A signed session for {@code userId}, valid for the configured demo session lifetime. */
    public DemoSession issue(String userId) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(config.demoSessionTtl());
        String token = Jwt.issuer(issuer)
                .subject(userId)
                .upn(userId)
                .audience(audiences)
                .groups("user")
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim("jti", UUID.randomUUID().toString())
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
        return new DemoSession(userId, token, expiresAt, config.demoSessionTtl());
    }

    /** A freshly issued session; {@code token} goes into the HttpOnly cookie only, never into a body. */
    public record DemoSession(String userId, String token, Instant expiresAt, Duration ttl) {
        @Override
        public String toString() {
            return "DemoSession[userId=" + userId + ", expiresAt=" + expiresAt + "]";
        }
    }
}
