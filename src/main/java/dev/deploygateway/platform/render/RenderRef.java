package dev.deploygateway.platform.render;

import java.util.Optional;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformStep;

/**
 * The gateway's handles for Render objects. A deployment is {@code <serviceId>:<deployId>} because Render addresses a
 * deploy only under its service. A project is the service id ({@code srv-…}), or, before the first deploy creates the
 * service, {@code new:<ownerId>}: Render creates a service and starts its first build in one call, so the service
 * can only be created once the source is pushed and its environment known.
 */
final class RenderRef {

    static final String PLANNED = "new:";

    private RenderRef() {
    }

    /** A deploy under its service. */
    record Deployment(String serviceId, String deployId) {
        String encode() {
            return serviceId + ":" + deployId;
        }
    }

    static String deployment(String serviceId, String deployId) {
        return new Deployment(serviceId, deployId).encode();
    }

    static Deployment deployment(String encoded) {
        int colon = encoded == null ? -1 : encoded.indexOf(':');
        if (colon <= 0 || colon == encoded.length() - 1) {
            throw PlatformException.of(ErrorCode.NOT_FOUND, PlatformId.RENDER, PlatformStep.WATCH, false,
                    "Not a Render deployment id");
        }
        return new Deployment(encoded.substring(0, colon), encoded.substring(colon + 1));
    }

    static String planned(String ownerId) {
        return PLANNED + ownerId;
    }

    /** The owner of a service not created yet; empty for an existing service's id. */
    static Optional<String> plannedOwner(String projectId) {
        return projectId.startsWith(PLANNED) ? Optional.of(projectId.substring(PLANNED.length())) : Optional.empty();
    }
}
