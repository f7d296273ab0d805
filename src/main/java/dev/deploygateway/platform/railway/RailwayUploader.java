package dev.deploygateway.platform.railway;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.deploygateway.config.RailwayConfig;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformDeployment;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.PreparedSource;
import dev.deploygateway.platform.UploadProgress;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * {@code railway up} without the CLI: makes sure the service has a public domain, packs the bundle as a gzip tarball
 * (on a worker thread: compression is CPU work) and POSTs it to {@code /project/{p}/environment/{e}/up?serviceId=},
 * which stores the snapshot and queues the build in one step. Never retried: a repeated POST would start a second
 * deployment.
 */
@ApplicationScoped
class RailwayUploader {

    private final RailwayApi api;
    private final RailwayCalls calls;
    private final RailwayProjects projects;
    private final RailwayConfig config;

    RailwayUploader(@RestClient RailwayApi api, RailwayCalls calls, RailwayProjects projects, RailwayConfig config) {
        this.api = api;
        this.calls = calls;
        this.projects = projects;
        this.config = config;
    }

    Uni<PlatformDeployment> deploy(PlatformCredential credential, String projectId, RailwayProjectRef ref,
            PreparedSource source, UploadProgress progress) {
        int files = source.bundle().fileCount();
        return projects.domain(credential, ref).chain(domain -> Uni.createFrom()
                .item(() -> RailwayTarball.build(source.bundle()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(tarball -> {
                    progress.update(0, files, 0, tarball.length);
                    return calls.once(PlatformStep.UPLOAD, () -> api.up(credential.bearer(), "deploy-gateway",
                            ref.projectId(), ref.environmentId(), ref.serviceId(), tarball))
                            .invoke(() -> progress.update(files, files, tarball.length, tarball.length));
                })
                .map(reply -> new PlatformDeployment(reply.deploymentId(), projectId, PlatformState.QUEUED, "QUEUED",
                        Optional.of(site(domain)), Optional.empty(), Optional.empty(), Instant.now())));
    }

    URI site(String domain) {
        return URI.create(config.siteUrlTemplate().replace("{domain}", domain));
    }
}
