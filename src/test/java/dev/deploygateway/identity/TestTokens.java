package dev.deploygateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;

/**
 * Mints tokens for tests with the test profile's key pair (src/test/resources/test-keys), plus the broken and
 * hostile variants the verifier must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "https://deploy-gateway.local/demo";
    public static final String AUDIENCE = "deploy-gateway";

    private TestTokens() {
    }

    /** A valid bearer token for {@code userId}, good for ten minutes. */
    public static String valid(String userId) {
        return claims(userId, ISSUER, AUDIENCE, Instant.now().plusSeconds(600)).sign(key("test-keys/private.pem"));
    }

    /** Expired well beyond the allowed clock skew. */
    public static String expired(String userId) {
        return claims(userId, ISSUER, AUDIENCE, Instant.now().minusSeconds(600))
                .issuedAt(Instant.now().minusSeconds(1200)).sign(key("test-keys/private.pem"));
    }

    /** Otherwise valid, but issued {@code seconds} from now. */
    public static String issuedIn(String userId, long seconds) {
        return claims(userId, ISSUER, AUDIENCE, Instant.now().plusSeconds(seconds + 600))
                .issuedAt(Instant.now().plusSeconds(seconds)).sign(key("test-keys/private.pem"));
    }

    /** Otherwise valid, but not to be used before {@code seconds} from now. */
    public static String notBeforeIn(String userId, long seconds) {
        return claims(userId, ISSUER, AUDIENCE, Instant.now().plusSeconds(seconds + 600))
                .claim("nbf", Instant.now().plusSeconds(seconds).getEpochSecond()).sign(key("test-keys/private.pem"));
    }

    public static String withIssuer(String userId, String issuer) {
        return claims(userId, issuer, AUDIENCE, Instant.now().plusSeconds(600)).sign(key("test-keys/private.pem"));
    }

    public static String withAudience(String userId, String audience) {
        return claims(userId, ISSUER, audience, Instant.now().plusSeconds(600)).sign(key("test-keys/private.pem"));
    }

    /** Well-formed but signed by a key the service does not trust. */
    public static String signedByUntrustedKey(String userId) {
        return claims(userId, ISSUER, AUDIENCE, Instant.now().plusSeconds(600))
                .sign(key("test-keys/other-private.pem"));
    }

    /** {@code alg: none} with an empty signature. */
    public static String unsigned(String userId) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(payload(userId)) + ".";
    }

    /** HMAC-confusion: HS256 keyed with the service's own public key, as an attacker could compute. */
    public static String hmacSignedWithPublicKey(String userId) {
        try {
            String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + encode(payload(userId));
            byte[] secret = ResourceUtils.readResource("test-keys/public.pem").getBytes(StandardCharsets.UTF_8);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(String userId, String issuer, String audience, Instant expiresAt) {
        return Jwt.issuer(issuer).subject(userId).upn(userId).audience(audience).issuedAt(Instant.now())
                .expiresAt(expiresAt);
    }

    private static String payload(String userId) {
        long now = Instant.now().getEpochSecond();
        return "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + userId + "\",\"aud\":\"" + AUDIENCE + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + "}";
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey key(String location) {
        try {
            return KeyUtils.readPrivateKey(location);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read test key " + location, e);
        }
    }
}
