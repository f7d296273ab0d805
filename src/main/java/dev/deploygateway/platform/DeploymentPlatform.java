package dev.deploygateway.platform;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 * {@link ErrorCode#UNSUPPORTED_BY_PLATFORM}; their defaults here do exactly that. OAuth is its own smaller SPI,
 * {@link PlatformOAuth}, reached through {@link #oauth()} only on platforms that offer it.
 */
public interface DeploymentPlatform {

    /** What the platform is: id, capabilities, naming rule, upload limits, OAuth; the defaults below read it. */
    PlatformProfile profile();

    default PlatformId id() {
        return profile().id();
    }

    default PlatformCapabilities capabilities() {
        return profile().capabilities();
    }

    // --- connecting an account -------------------------------------------------------------------------

    /** The platform's OAuth flow, when it offers one to third parties; empty means "connect with an API token". */
    default Optional<PlatformOAuth> oauth() {
        return profile().oauth();
    }

    /** Checks a pasted or freshly obtained token: who it is and which teams it may deploy into. */
    Uni<PlatformAccount> verify(PlatformCredential credential);

    // --- projects ------------------------------------------------------------------------------------------

    /**
     * The platform's naming rule when {@code name} breaks it, checked locally before anything is stored or sent;
     * empty when the name is well formed (whether it is free is {@link #checkProjectName}'s business).
     */
    default Optional<String> projectNameProblem(String name) {
        return profile().naming().problem(name);
    }

    /**
     * For a platform that builds only from git ({@link Capability#GIT_SOURCE}): its rule when the options of the
     * service it would create break it (type, runtime, plan, region), checked before anything is stored or pushed;
     * empty when acceptable.
     */
    default Optional<String> serviceOptionsProblem(DeploySpec.ServiceOptions options) {
        return Optional.empty();
    }

    /** Whether the credential's workspace has a project (on Render: a service) named {@code name}. */
    Uni<Boolean> projectExists(PlatformCredential credential, String name);

    /** Whether {@code name} can be used for a new project in the credential's account/team. */
    default Uni<NameAvailability> checkProjectName(PlatformCredential credential, String name) {
        return projectNameProblem(name).map(rule -> Uni.createFrom().item(NameAvailability.invalid(name, rule)))
                .orElseGet(() -> projectExists(credential, name).map(taken -> taken ? NameAvailability.taken(name)
                        : NameAvailability.available(name)));
    }

    /** Finds the project named {@code spec.name()} or creates it; a name breaking the rule is refused first. */
    default Uni<PlatformProject> ensureProject(PlatformCredential credential, ProjectSpec spec) {
        return projectNameProblem(spec.name()).map(rule -> Uni.createFrom().<PlatformProject>failure(PlatformException
                .of(ErrorCode.VALIDATION_FAILED, id(), PlatformStep.CREATE, false, rule)))
                .orElseGet(() -> findOrCreateProject(credential, spec));
    }

    /** {@link #ensureProject(PlatformCredential, ProjectSpec)} for a name already known to keep the rule. */
    Uni<PlatformProject> findOrCreateProject(PlatformCredential credential, ProjectSpec spec);

    /**
     * {@link #ensureProject(PlatformCredential, ProjectSpec)} for a deploy whose source is already known: a platform
     * that builds from git refuses here, before env vars or a database touch it, a project that builds another
     * repository ({@code PROJECT_NAME_TAKEN}).
     */
    default Uni<PlatformProject> ensureProject(PlatformCredential credential, ProjectSpec spec, DeploySpec deploy) {
        return ensureProject(credential, spec);
    }

    /** Upserts environment variables (never called with none); they apply to the next build. */
    Uni<Void> setEnvironment(PlatformCredential credential, PlatformProject project, List<EnvVar> variables);

    // --- deploying -----------------------------------------------------------------------------------------

    /** The platform's limits on one upload (file count, per-file and total size). */
    default SourceLimits sourceLimits() {
        return profile().limits();
    }

    /**
     * Pre-flight: checks the bundle against {@link #sourceLimits()} before anything is created, and fails with
     * {@link ErrorCode#UPLOAD_REJECTED} (step UPLOAD, not retryable) if it cannot fit. Pure: no network.
     */
    default PreparedSource prepareSource(SourceBundle bundle) {
        return sourceLimits().check(id(), bundle);
    }

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

    /** Makes a READY preview deployment the one production serves, without rebuilding it. */
    default Uni<Void> promote(PlatformCredential credential, PlatformProject project, String deploymentId) {
        return Uni.createFrom().failure(unsupported("promote"));
    }

    /**
     * The deployment the project's production serves now and its address there, where the platform says so apart
     * from each deployment's own address; empty where it does not (the gateway then knows only what it did).
     */
    default Uni<Optional<ProductionDeployment>> production(PlatformCredential credential, PlatformProject project) {
        return Uni.createFrom().item(Optional.empty());
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
