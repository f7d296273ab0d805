package dev.deploygateway.platform;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.time.Instant;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.scaffold.SourceBundle;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The SPI every hosting platform implements (the seed's {@code PlatformService}, made explicit about
 * credentials, ids and failures). Implementations are stateless {@code @ApplicationScoped} beans: every call
 * takes the caller's {@link PlatformCredential}, and nothing keeps a token afterwards.
 *
 * <p>All operations are non-blocking. Failures arrive as {@link PlatformException} with the gateway's error
 * taxonomy. Operations a platform lacks (see {@link #capabilities()}) fail with
 * {@link ErrorCode#UNSUPPORTED_BY_PLATFORM}; their defaults here do exactly that.
 */
public interface DeploymentPlatform {

    PlatformId id();

    PlatformCapabilities capabilities();

    // --- connecting an account -------------------------------------------------------------------------

    /** The URL to send the user's browser to; carries {@code state} and the PKCE S256 challenge. */
    default URI authorizationUrl(OAuthAuthorization request) {
        throw unsupported("OAuth");
    }

    /** Redeems the code from the redirect (with the PKCE verifier) for tokens. */
    default Uni<PlatformTokens> exchangeCode(CodeExchange exchange) {
        return Uni.createFrom().failure(unsupported("OAuth"));
    }

    /** Trades a refresh token for new tokens; the returned refresh token replaces the old one. */
    default Uni<PlatformTokens> refresh(String refreshToken) {
        return Uni.createFrom().failure(unsupported("token refresh"));
    }

    /** Revokes a token at the platform (on disconnect). */
    default Uni<Void> revoke(String token) {
        return Uni.createFrom().failure(unsupported("token revocation"));
    }

    /** Checks a pasted or freshly obtained token: who it is and which teams it may deploy into. */
    Uni<PlatformAccount> verify(PlatformCredential credential);

    // --- projects ------------------------------------------------------------------------------------------

    /**
     * The platform's naming rule when {@code name} breaks it, checked locally before anything is stored or sent;
     * empty when the name is well formed (whether it is free is {@link #checkProjectName}'s business).
     */
    default java.util.Optional<String> projectNameProblem(String name) {
        return java.util.Optional.empty();
    }

    /** Whether {@code name} can be used for a new project in the credential's account/team. */
    Uni<NameAvailability> checkProjectName(PlatformCredential credential, String name);

    /** Finds the project named {@code spec.name()} or creates it. */
    Uni<PlatformProject> ensureProject(PlatformCredential credential, ProjectSpec spec);

    /** Upserts environment variables; they apply to the next build. */
    Uni<Void> setEnvironment(PlatformCredential credential, PlatformProject project, List<EnvVar> variables);

    // --- deploying -----------------------------------------------------------------------------------------

    /**
     * Pre-flight: checks the bundle against the platform's limits (file count, sizes) before anything is
     * created, and fails with {@link ErrorCode#UPLOAD_REJECTED} (step UPLOAD, not retryable) if it cannot fit.
     * Pure: no network.
     */
    PreparedSource prepareSource(SourceBundle bundle);

    /**
     * Uploads the source (only what the platform does not already have) and triggers the build; the seed's
     * {@code uploadFiles} + {@code triggerDeployment}. They are one operation because every platform
     * interleaves them: Vercel learns which blobs are missing only from the create-deployment call, Railway's
     * tarball upload itself queues the build, Netlify creates the deploy before asking for files.
     */
    Uni<PlatformDeployment> deploy(PlatformCredential credential, PlatformProject project, PreparedSource source,
            DeploySpec spec, UploadProgress progress);

    /** The deployment's current state. */
    Uni<PlatformDeployment> status(PlatformCredential credential, String deploymentId);

    /**
     * The deployment's build feed from {@code since} (all when empty): log lines and state changes, ending with
     * a terminal {@link PlatformEvent.StateChange} and then completion. Implementations resume dropped
     * streams themselves without repeating or losing lines; a stream that cannot be resumed fails with
     * {@link ErrorCode#PLATFORM_UNAVAILABLE}.
     */
    Multi<PlatformEvent> events(PlatformCredential credential, String deploymentId, Optional<Instant> since);

    /** Cancels a deployment that has not finished. */
    default Uni<PlatformDeployment> cancel(PlatformCredential credential, String deploymentId) {
        return Uni.createFrom().failure(unsupported("cancel"));
    }

    /** Rebuilds an existing deployment as a new one (new id). */
    default Uni<PlatformDeployment> redeploy(PlatformCredential credential, PlatformProject project,
            String deploymentId, DeploySpec spec) {
        return Uni.createFrom().failure(unsupported("redeploy"));
    }

    /** Points production back to an earlier successful deployment without rebuilding. */
    default Uni<Void> rollback(PlatformCredential credential, PlatformProject project, String deploymentId) {
        return Uni.createFrom().failure(unsupported("rollback"));
    }

    /** Creates a database and wires its connection variables into the project's environment. */
    default Uni<DatabaseInfo> provisionDatabase(PlatformCredential credential, PlatformProject project,
            DatabaseInfo.Kind kind) {
        return Uni.createFrom().failure(unsupported("database provisioning"));
    }

    /** The failure for an operation this platform does not offer. */
    default PlatformException unsupported(String what) {
        return PlatformException.of(ErrorCode.UNSUPPORTED_BY_PLATFORM, id(), PlatformStep.MANAGE, false,
                id().key() + " does not support " + what + " through its API");
    }
}
