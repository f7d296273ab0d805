package dev.deploygateway.deployment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.platform.PlatformId;

/** The platform beans of this build, by id. */
@ApplicationScoped
class PlatformDirectory {

    private final List<DeploymentPlatform> all;

    PlatformDirectory(Instance<DeploymentPlatform> beans) {
        this.all = beans.stream().toList();
    }

    DeploymentPlatform get(PlatformId id) {
        return all.stream().filter(p -> p.id() == id).findFirst().orElseThrow(() -> new GatewayException(
                ErrorCode.VALIDATION_FAILED, "Platform " + id.key() + " is not available in this gateway."));
    }
}
