package dev.deploygateway.identity;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import dev.deploygateway.config.RuntimeProfile;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Maps {@code JWT_PUBLIC_KEY_LOCATION} onto SmallRye JWT's {@code mp.jwt.verify.publickey.location}. When demo
 * features are on ({@link RuntimeProfile#allowsDemoFeatures}: the dev, test and demo profiles only) and no
 * verification key is configured, supplies an ephemeral RSA key pair for
 * the demo sign-in: the public half to SmallRye JWT's verifier, the private half to its signer. The pair lives
 * for the JVM (Quarkus builds its configuration more than once, and every build must see the same pair), so
 * demo sessions do not survive a restart. In every other profile it supplies nothing and startup validation
 * demands {@code JWT_PUBLIC_KEY_LOCATION}.
 */
public class DemoSigningKeySource implements ConfigSourceFactory {

    static final String NAME = "deploy-gateway-demo-signing-key";
    /** The friendly variable operators set; mapped onto SmallRye JWT's own key. */
    static final String OPERATOR_VARIABLE = "JWT_PUBLIC_KEY_LOCATION";
    private static final String LOCATION = "mp.jwt.verify.publickey.location";
    // Below application.properties (250) so any configured key wins.
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue operatorKey = context.getValue(OPERATOR_VARIABLE);
        if (isSet(operatorKey)) {
            return List.of(source(Map.of(LOCATION, operatorKey.getValue().trim())));
        }
        if (!RuntimeProfile.allowsDemoFeatures(context.getProfiles()) || isSet(context.getValue(LOCATION))
                || isSet(context.getValue("mp.jwt.verify.publickey"))) {
            return List.of();
        }
        KeyPair pair = Holder.PAIR;
        return List.of(source(Map.of(
                "mp.jwt.verify.publickey", pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                "smallrye.jwt.sign.key", pem("PRIVATE KEY", pair.getPrivate().getEncoded()))));
    }

    private static ConfigSource source(Map<String, String> properties) {
        return new MapBackedConfigSource(NAME, properties, ORDINAL) {
        };
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean isSet(ConfigValue value) {
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
