package dev.deploygateway.platform.vercel;

import java.time.Instant;
import java.util.Optional;

import dev.deploygateway.platform.PlatformEvent;

/**
 * A deployment that is {@code READY} with a truthy {@code aliasError}: Vercel built it and serves it at its own
 * {@code url} (the link the gateway reports), but its aliases (the project's domain, custom domains) were not
 * assigned, so the project's address still shows the previous deployment or nothing. The OpenAPI document says
 * {@code aliasError} "will contain a code and a message when the aliasing fails"; Vercel's deploy engine reports
 * it as an error event. The gateway keeps the deployment READY (what it links to works) and says what did not
 * work in a warning, with Vercel's code and message (docs/platforms.md §3).
 */
final class VercelAliases {

    private VercelAliases() {
    }

    /** Vercel's {@code aliasError} when the aliases failed, with a code even where Vercel gave none. */
    static Optional<VercelWire.Error> error(VercelWire.Deployment deployment) {
        return Optional.ofNullable(deployment.aliasError()).map(e -> new VercelWire.Error(
                e.code() == null ? "alias_error" : e.code(), e.message() == null ? "" : e.message()));
    }

    /** The warning a viewer sees before the READY state, when the aliases failed. */
    static Optional<PlatformEvent.Notice> warning(VercelWire.Deployment deployment) {
        return error(deployment).map(e -> new PlatformEvent.Notice("The deployment is live at its own URL, "
                + "but Vercel could not assign its domain aliases (" + e.code() + ": " + e.message()
                + "); the project's domain does not show this deployment.", Instant.now()));
    }
}
