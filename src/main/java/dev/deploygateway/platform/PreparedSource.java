package dev.deploygateway.platform;

import dev.deploygateway.scaffold.SourceBundle;

/**
 * A {@link SourceBundle} a platform has checked against its limits (file count, per-file and total size)
 * without contacting it. Only {@link DeploymentPlatform#prepareSource} creates one, so holding it means the
 * pre-flight passed.
 */
public record PreparedSource(PlatformId platform, SourceBundle bundle) {
}
