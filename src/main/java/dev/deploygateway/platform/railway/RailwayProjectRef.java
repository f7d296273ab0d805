package dev.deploygateway.platform.railway;

import java.util.Arrays;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformStep;

/**
 * What a Railway "project" is for the gateway: a project, its environment and the one service the app runs in.
 * {@link PlatformProject#id()} carries all three as {@code <projectId>:<environmentId>:<serviceId>}.
 */
record RailwayProjectRef(String projectId, String environmentId, String serviceId) {

    String encode() {
        return projectId + ":" + environmentId + ":" + serviceId;
    }

    static RailwayProjectRef of(PlatformProject project) {
        String[] parts = project.id().split(":");
        if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
            throw PlatformException.of(ErrorCode.VALIDATION_FAILED, PlatformId.RAILWAY, PlatformStep.MANAGE, false,
                    "Not a Railway project reference (projectId:environmentId:serviceId)");
        }
        return new RailwayProjectRef(parts[0], parts[1], parts[2]);
    }
}
