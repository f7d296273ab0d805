package dev.deploygateway.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import dev.deploygateway.store.TestClock;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;

/** What the SSE route remembers of verified tokens: the exact token, and only until it expires. */
class CallerTokensTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    /** A verified token's principal with just a subject and an expiry. */
    private static JsonWebToken principal(String subject, Instant expiresAt) {
        Map<String, Object> claims = Map.of("sub", subject, "exp", expiresAt.getEpochSecond());
        return new JsonWebToken() {
            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    private final TestClock clock = new TestClock(NOW);
    private final CallerTokens tokens = new CallerTokens(new JWTAuthContextInfo(), clock);

    @Test
    void aVerifiedTokenIsKnownUntilTheSecondItExpires() {
        tokens.remember("token-a", principal("alice", NOW.plusSeconds(60)));
        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.subject("token-a")).hasValue("alice");

        clock.advance(Duration.ofSeconds(1));

        assertThat(tokens.subject("token-a")).isEmpty();
    }

    @Test
    void onlyTheExactTokenIsKnown() {
        tokens.remember("token-a", principal("alice", NOW.plus(Duration.ofMinutes(5))));

        assertThat(tokens.subject("token-a2")).isEmpty();
        assertThat(tokens.subject("token-")).isEmpty();
    }

    @Test
    void anAlreadyExpiredTokenIsNotRemembered() {
        tokens.remember("token-old", principal("bob", NOW.minusSeconds(1)));

        assertThat(tokens.subject("token-old")).isEmpty();
    }
}
