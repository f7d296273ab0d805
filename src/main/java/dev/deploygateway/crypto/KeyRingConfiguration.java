package dev.deploygateway.crypto;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.deploygateway.config.RuntimeProfile;
import dev.deploygateway.config.TokenEncryptionConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * Builds the {@link KeyRing} from {@link TokenEncryptionConfig}: the only Quarkus-aware class of this package,
 * so that {@link TokenCipher} and {@link KeyRing} stay plain Java (the JMH benchmark compiles them without
 * Quarkus).
 *
 * <p>Without {@code TOKEN_ENCRYPTION_KEY}: with demo features on (dev, test and demo profiles) an ephemeral key is
 * generated with a loud warning; in every other profile it refuses, even though the startup validation should
 * have refused first.
 */
@ApplicationScoped
public class KeyRingConfiguration {

    private static final Logger LOG = Logger.getLogger(KeyRingConfiguration.class);

    @Produces
    @Singleton
    KeyRing keyRing(TokenEncryptionConfig config, RuntimeProfile profile) {
        return build(config.key(), config.previousKeys().orElse(List.of()), !profile.demoFeaturesEnabled());
    }

    /** Builds the ring eagerly so that a bad key fails the start and the ephemeral-key warning is seen then. */
    void onStart(@Observes StartupEvent event, KeyRing ring) {
        LOG.infof("Token encryption: current key id %s, %d key(s) in the ring", ring.current().id(),
                ring.keys().size());
    }

    /** The decision, separated from CDI and profiles so that it can be tested directly. */
    static KeyRing build(Optional<String> key, List<String> previousKeys, boolean prod) {
        List<TokenKey> previous = KeyRing.parsePrevious(previousKeys.stream().filter(k -> !k.isBlank()).toList());
        if (key.isPresent() && !key.get().isBlank()) {
            return KeyRing.of(TokenKey.fromHex(key.get(), "TOKEN_ENCRYPTION_KEY"), previous);
        }
        if (prod) {
            throw new IllegalStateException("TOKEN_ENCRYPTION_KEY is required outside dev, test and demo: set it to 64 "
                    + "hexadecimal characters (generate one with `openssl rand -hex 32`); refusing to generate a "
                    + "key that would make stored tokens unreadable after a restart");
        }
        TokenKey generated = TokenKey.generate(new SecureRandom());
        LOG.warnf("!!! TOKEN_ENCRYPTION_KEY is not set: encrypting platform tokens with an EPHEMERAL random key "
                + "(id %s). Stored tokens will NOT survive a restart and other instances cannot read them. "
                + "Set TOKEN_ENCRYPTION_KEY (`openssl rand -hex 32`) for anything but a throwaway run. !!!",
                generated.id());
        return KeyRing.ephemeral(generated, previous);
    }
}
