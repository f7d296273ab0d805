package dev.deploygateway.identity;

import java.time.Instant;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * SmallRye JWT's verification plus the check it leaves out: a token issued ({@code iat}) in the future, beyond the
 * same clock skew ({@code mp.jwt.verify.clock.skew}) that {@code exp} gets. Such a token is either forged with a
 * stolen key or minted on a badly wrong clock, and accepting it would stretch its life past what its issuer
 * meant. ({@code nbf} is already checked with that skew by the underlying jose4j consumer.) Replaces the default
 * factory for every token, bearer and cookie alike.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class IssuedAtVerifier extends JWTCallerPrincipalFactory {

    private final JWTCallerPrincipalFactory verifier = new DefaultJWTCallerPrincipalFactory();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo context) throws ParseException {
        JWTCallerPrincipal principal = verifier.parse(token, context);
        long latestAcceptable = Instant.now().getEpochSecond() + context.getClockSkew();
        if (principal.getIssuedAtTime() > latestAcceptable) {
            throw new ParseException("The token's iat is in the future beyond the allowed clock skew");
        }
        return principal;
    }
}
