package dev.deploygateway.platform.railway;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.config.RailwayConfig;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformDeployment;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.PreparedSource;
import dev.deploygateway.platform.UploadProgress;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;

/**
 * {@code railway up} without the CLI: makes sure the service has a public domain, packs the bundle as a gzip tarball
 * (on a worker thread: compression is CPU work) and POSTs it to {@code /project/{p}/environment/{e}/up?serviceId=},
 * which stores the snapshot and queues the build in one step. Never retried: a repeated POST would start a second
 * deployment.
 */
@ApplicationScoped
class RailwayUploader {

    private final RailwayHttp http;
    private final RailwayCalls calls;
    private final RailwayProjects projects;
    private final RailwayConfig config;
    private final ObjectMapper json;

    RailwayUploader(RailwayHttp http, RailwayCalls calls, RailwayProjects projects, RailwayConfig config,
            ObjectMapper json) {
        this.http = http;
        this.calls = calls;
        this.projects = projects;
        this.config = config;
        this.json = json;
    }

    Uni<PlatformDeployment> deploy(PlatformCredential credential, String projectId, RailwayProjectRef ref,
            PreparedSource source, UploadProgress progress) {
        int files = source.bundle().fileCount();
        return projects.domain(credential, ref).chain(domain -> Uni.createFrom()
                .item(() -> RailwayTarball.build(source.bundle()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(tarball -> {
                    progress.update(0, files, 0, tarball.length());
                    return calls.once(PlatformStep.UPLOAD, () -> upload(credential, ref, tarball))
                            .invoke(() -> progress.update(files, files, tarball.length(), tarball.length()));
                })
                .map(reply -> new PlatformDeployment(reply.path("deploymentId").asText(), projectId,
                        PlatformState.QUEUED, "QUEUED", Optional.of(site(domain)), Optional.empty(), Optional.empty(),
                        Instant.now())));
    }

    URI site(String domain) {
        return URI.create(config.siteUrlTemplate().replace("{domain}", domain));
    }

    private Uni<JsonNode> upload(PlatformCredential credential, RailwayProjectRef ref, Buffer tarball) {
        String base = config.backboardUrl().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/project/" + enc(ref.projectId()) + "/environment/" + enc(ref.environmentId())
                + "/up?serviceId=" + enc(ref.serviceId()));
        return http.send(HttpMethod.POST, uri, Map.of("Authorization", credential.bearer(), "Content-Type",
                "application/gzip", "x-railway-caller", "deploy-gateway"), tarball).map(reply -> {
                    JsonNode body;
                    try {
                        body = json.readTree(reply.body().getBytes());
                    } catch (IOException e) {
                        body = json.createObjectNode();
                    }
                    if (reply.status() != 200 || !body.hasNonNull("deploymentId")) {
                        throw new RailwayApiException(reply.status(), "", body.path("message").asText(""),
                                RailwayApiException.retryAfter(reply.retryAfter()));
                    }
                    return body;
                });
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
