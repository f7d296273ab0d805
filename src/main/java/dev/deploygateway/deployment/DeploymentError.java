package dev.deploygateway.deployment;

import java.util.Locale;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformStep;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Why a deployment failed, in the error taxonomy: stable code, the step, retryable, and the platform's words. */
@RegisterForReflection
public record DeploymentError(String code, String step, boolean retryable, String message) {

    /** Classifies a pipeline failure; messages of unknown exceptions are not exposed. */
    public static DeploymentError from(Throwable failure, PlatformStep currentStep) {
        if (failure instanceof PlatformException p) {
            String message = p.platformMessage().map(m -> p.getMessage() + ": " + m).orElse(p.getMessage());
            return new DeploymentError(p.code().name(), step(p.step()), p.retryable(), message);
        }
        if (failure instanceof GatewayException g) {
            return new DeploymentError(g.code().name(), step(currentStep),
                    g.code() == ErrorCode.STORE_UNAVAILABLE || g.code() == ErrorCode.PLATFORM_UNAVAILABLE,
                    g.getMessage());
        }
        return new DeploymentError(ErrorCode.PLATFORM_UNAVAILABLE.name(), step(currentStep), true,
                "The deployment stopped unexpectedly; it can be redeployed.");
    }

    static String step(PlatformStep step) {
        return step.name().toLowerCase(Locale.ROOT);
    }
}
