package dev.deploygateway.identity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Outside the prod profile, when no verification key is configured, supplies an ephemeral RSA key pair for
 * the demo sign-in: the public half to SmallRye JWT's verifier, the private half to its signer. The pair lives
 * for the JVM (Quarkus builds its configuration more than once, and every build must see the same pair), so
 * demo sessions do not survive a restart. In prod it supplies nothing and startup validation demands
 * {@code JWT_PUBLIC_KEY_LOCATION}.
 */
public class DemoSigningKeySource implements ConfigSourceFactory {

    static final String NAME = "deploy-gateway-demo-signing-key";
    // Below application.properties (250) so any configured key wins.
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (context.getProfiles().contains("prod") || isSet(context, "mp.jwt.verify.publickey.location")
                || isSet(context, "mp.jwt.verify.publickey")) {
            return List.of();
        }
        KeyPair pair = Holder.PAIR;
        return List.of(new MapBackedConfigSource(NAME, Map.of(
                "mp.jwt.verify.publickey", pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                "smallrye.jwt.sign.key", pem("PRIVATE KEY", pair.getPrivate().getEncoded())), ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Lazily generated once per JVM. */
    private static final class Holder {
        static final KeyPair PAIR = generate();

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("RSA is not available in this JVM", e);
            }
        }
    }
}
