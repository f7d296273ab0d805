package dev.deploygateway.platform;

import java.util.Set;

/**
 * What a platform can do through its public API, so callers (UI, pipeline) decide before calling instead of
 * catching "unsupported" failures.
 *
 * @param connectMethods how a user links an account: {@code OAUTH} and/or a pasted {@code API_TOKEN}
 * @param sourceKinds how source reaches the platform: per-file upload, tarball, or a git repository
 * @param tokenRefresh whether access tokens expire and can be refreshed (else a reconnect is needed)
 * @param tokenRevoke whether a token can be revoked through the API on disconnect
 * @param database whether {@link DeploymentPlatform#provisionDatabase} is available
 * @param cancel whether a running deployment can be canceled
 * @param redeploy whether an existing deployment can be rebuilt by id
 * @param rollback whether production can be pointed back to an earlier deployment without a rebuild
 * @param liveLogs whether build logs arrive as a live stream (else they are polled)
 */
public record PlatformCapabilities(
        Set<ConnectMethod> connectMethods,
        Set<SourceKind> sourceKinds,
        boolean tokenRefresh,
        boolean tokenRevoke,
        boolean database,
        boolean cancel,
        boolean redeploy,
        boolean rollback,
        boolean liveLogs) {

    public PlatformCapabilities {
        connectMethods = Set.copyOf(connectMethods);
        sourceKinds = Set.copyOf(sourceKinds);
    }

    public boolean supportsOAuth() {
        return connectMethods.contains(ConnectMethod.OAUTH);
    }

    /** How a user connects an account. */
    public enum ConnectMethod {
        OAUTH, API_TOKEN
    }

    /** How a platform receives source without the gateway running a build itself. */
    public enum SourceKind {
        /** Content-addressed per-file upload (Vercel {@code /v2/files}, Netlify digest deploys). */
        FILES,
        /** One gzip tarball per deployment (Railway {@code /up}). */
        TARBALL,
        /** A git repository the platform pulls from (Render; the gateway pushes to the user's GitHub first). */
        GIT
    }
}
