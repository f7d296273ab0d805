package dev.deploygateway.deployment;

import java.time.Instant;
import java.util.Optional;

import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.PlatformStep;

/**
 * A change the owner of a running deployment makes to its record. The codec turns each into the record's hash
 * fields; nothing else writes those fields, so field names live in one place.
 */
sealed interface RecordChange {

    /** The deployment entered {@code state} in {@code step}. */
    record Progressed(PlatformState state, PlatformStep step, Instant at) implements RecordChange {
    }

    /** The platform project exists (created or reused). */
    record ProjectReady(String platformProjectId) implements RecordChange {
    }

    /**
     * A call that creates something on the platform is about to be made: from now on the attempt counts against
     * the quota even if the run fails, and an instance taking over knows the platform may hold a deployment.
     */
    record PlatformCalled() implements RecordChange {
    }

    /** The platform accepted the deployment under {@code platformDeploymentId}. */
    record Accepted(String platformDeploymentId, Optional<String> url) implements RecordChange {
    }

    /** The platform's log was written up to {@code cursor}. */
    record LogWritten(LogCursor cursor) implements RecordChange {
    }

    /** The deployment ended. */
    record Finished(PlatformState state, Optional<String> url, Optional<DeploymentError> error,
            Instant at) implements RecordChange {
    }
}
