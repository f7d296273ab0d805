package dev.deploygateway.deployment;

import java.net.URI;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import dev.deploygateway.connection.PlatformCredentials;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.platform.Capability;
import dev.deploygateway.platform.DeploymentPlatform;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.Platforms;
import dev.deploygateway.platform.ProductionDeployment;
import io.smallrye.mutiny.Uni;

/**
 * Rollback and promote: pointing a project's production at one of its READY deployments without a rebuild. The
 * gateway keeps no "live" pointer of its own; it asks the platform what production serves (where the platform
 * says) before and after the switch, so the answer is what the platform does, not what the gateway remembers.
 */
@ApplicationScoped
class ProductionSwitch {

    private final DeploymentRepository repository;
    private final Platforms platforms;
    private final PlatformCredentials credentials;

    ProductionSwitch(DeploymentRepository repository, Platforms platforms, PlatformCredentials credentials) {
        this.repository = repository;
        this.platforms = platforms;
        this.credentials = credentials;
    }

    Uni<DeploymentService.LiveChange> rollback(String userId, String id) {
        // A platform that promotes previews keeps them apart from production: a preview is promoted, not rolled
        // back to (Vercel refuses it). Railway runs every deployment in its production environment.
        return makeLive(userId, id, Capability.ROLLBACK, "roll back to a deployment",
                (platform, record) -> platform.capabilities().has(Capability.PROMOTE) && preview(record)
                        ? Optional.of("This is a preview deployment: promote it to production instead.")
                        : Optional.empty(),
                DeploymentPlatform::rollback);
    }

    Uni<DeploymentService.LiveChange> promote(String userId, String id) {
        return makeLive(userId, id, Capability.PROMOTE, "promote a deployment",
                (platform, record) -> preview(record) ? Optional.empty()
                        : Optional.of("This is already a production deployment: roll back to it instead."),
                DeploymentPlatform::promote);
    }

    /**
     * Owner (404), capability (422), READY (409), the operation's own rule (409), not already live (409); then the
     * platform call, whose refusal is a 409 in the platform's words, and what production serves afterwards.
     */
    private Uni<DeploymentService.LiveChange> makeLive(String userId, String id, Capability capability,
            String what, BiFunction<DeploymentPlatform, DeploymentRecord, Optional<String>> rule, Operation operation) {
        return repository.findOwned(userId, id).chain(found -> {
            DeploymentRecord record = found.orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND,
                    "No deployment with this id."));
            DeploymentPlatform platform = platforms.get(record.settings().platform());
            if (!platform.capabilities().has(capability)) {
                throw new GatewayException(ErrorCode.UNSUPPORTED_BY_PLATFORM,
                        Platforms.displayName(platform.id()) + " cannot " + what + " through its API.");
            }
            if (record.status() != PlatformState.READY || record.platformDeploymentId().isEmpty()
                    || record.platformProjectId().isEmpty()) {
                throw new GatewayException(ErrorCode.CONFLICT, "Only a READY deployment can be made live; this one "
                        + "is " + record.status() + ".");
            }
            rule.apply(platform, record).ifPresent(refusal -> {
                throw new GatewayException(ErrorCode.CONFLICT, refusal);
            });
            String platformId = record.platformDeploymentId().get();
            var project = new PlatformProject(record.platformProjectId().get(), record.settings().projectName(), false);
            return credential(record).chain(cred -> platform.production(cred, project).chain(before -> {
                if (before.filter(p -> p.deploymentId().equals(platformId)).isPresent()) {
                    throw new GatewayException(ErrorCode.CONFLICT, "This deployment is already the live one.");
                }
                return operation.apply(platform, cred, project, platformId)
                        .onFailure(ProductionSwitch::refusedByPlatform).transform(ProductionSwitch::conflict)
                        .chain(() -> platform.production(cred, project))
                        .map(after -> new DeploymentService.LiveChange(record, after
                                .flatMap(ProductionDeployment::url).map(URI::toString).or(record::url)));
            }));
        });
    }

    /** A platform operation that points production at a deployment. */
    @FunctionalInterface
    private interface Operation {
        Uni<Void> apply(DeploymentPlatform platform, PlatformCredential credential, PlatformProject project,
                String deploymentId);
    }

    /** The platform understood the request and said no (e.g. Railway: the deployment cannot be rolled back). */
    private static boolean refusedByPlatform(Throwable failure) {
        return failure instanceof PlatformException p && p.code() == ErrorCode.VALIDATION_FAILED;
    }

    private static GatewayException conflict(Throwable failure) {
        PlatformException refused = (PlatformException) failure;
        return new GatewayException(ErrorCode.CONFLICT, refused.getMessage()
                + refused.platformMessage().map(m -> ": " + m).orElse("") + ".");
    }

    private static boolean preview(DeploymentRecord record) {
        return record.settings().target() == DeploymentSettings.Target.PREVIEW;
    }

    /** The owner's credential for the record's platform, in the record's team. */
    private Uni<PlatformCredential> credential(DeploymentRecord record) {
        return credentials.credentialFor(record.userId(), record.settings().platform())
                .map(cred -> record.settings().teamId().map(cred::inTeam).orElse(cred));
    }
}
