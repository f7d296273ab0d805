package dev.deploygateway.deployment;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.crypto.TokenCipher;
import dev.deploygateway.crypto.TokenContext;
import dev.deploygateway.platform.EnvVar;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Env values of a deployment, encrypted at rest with the token cipher and bound to the owner, the platform and
 * this deployment: they are needed again for redaction after a takeover and for a redeploy, and are never shown.
 */
@ApplicationScoped
class DeploymentSecrets {

    private static final TypeReference<List<StoredVar>> LIST = new TypeReference<>() {
    };

    private final TokenCipher cipher;
    private final ObjectMapper json;

    DeploymentSecrets(TokenCipher cipher, ObjectMapper json) {
        this.cipher = cipher;
        this.json = json;
    }

    Optional<String> seal(String userId, String platform, String deploymentId, List<EnvVar> env) {
        if (env.isEmpty()) {
            return Optional.empty();
        }
        try {
            String plain = json.writeValueAsString(env.stream()
                    .map(v -> new StoredVar(v.key(), v.value(), v.sensitive())).toList());
            return Optional.of(cipher.encrypt(plain, context(userId, platform, deploymentId)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("env cannot be encoded", e);
        }
    }

    List<EnvVar> open(String userId, String platform, String deploymentId, Optional<String> sealed) {
        if (sealed.isEmpty()) {
            return List.of();
        }
        try {
            String plain = cipher.decrypt(sealed.get(), context(userId, platform, deploymentId)).plaintext();
            return json.readValue(plain, LIST).stream().map(v -> new EnvVar(v.key(), v.value(), v.sensitive()))
                    .toList();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored env is unreadable", e);
        }
    }

    private static TokenContext context(String userId, String platform, String deploymentId) {
        return new TokenContext("deployment-env", userId, platform, deploymentId);
    }

    @RegisterForReflection
    record StoredVar(String key, String value, boolean sensitive) {
        @Override
        public String toString() {
            return "StoredVar[" + key + "]";
        }
    }
}
