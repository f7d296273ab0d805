package dev.deploygateway.config;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Refuses to start with one message listing every configuration problem and how to fix it. */
@Singleton
public class StartupValidation {

    private static final Logger LOG = Logger.getLogger(StartupValidation.class);

    // Runs before any other startup observer, so nothing half-starts on a bad configuration.
    void validate(@Observes @Priority(1) StartupEvent event, RuntimeProfile profile, TokenEncryptionConfig tokens,
            OAuthClientsConfig oauth, RateLimitConfig rateLimit, DeploymentConfig deployment,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> jwtKeyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> jwtKey) {
        // Without demo features there are no ephemeral keys: every key must be configured.
        List<String> problems = ConfigProblems.find(!profile.demoFeaturesEnabled(), tokens, oauth, rateLimit,
                deployment, jwtKeyLocation.or(() -> jwtKey));
        if (!problems.isEmpty()) {
            String message = "Deploy Gateway cannot start; fix the configuration:\n  - "
                    + String.join("\n  - ", problems);
            LOG.error(message);
            throw new InvalidConfigurationException(message);
        }
    }

    /** Thrown at startup for an unusable configuration. */
    public static final class InvalidConfigurationException extends RuntimeException {
        InvalidConfigurationException(String message) {
            super(message, null, false, false);
        }
    }
}
