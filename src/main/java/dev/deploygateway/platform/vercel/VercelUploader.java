package dev.deploygateway.platform.vercel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.deploygateway.config.VercelConfig;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformStep;
import dev.deploygateway.platform.PreparedSource;
import dev.deploygateway.platform.UploadProgress;
import dev.deploygateway.scaffold.SourceFile;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Content-addressed deploy (platform-contracts §1.3): create the deployment listing files by SHA-1; if Vercel
 * answers 400 {@code missing_files}, upload exactly those blobs ({@code /v2/files}, bounded concurrency,
 * retried since an upload by digest is idempotent) and send the same create again. An unchanged project thus
 * sends zero file bytes.
 */
@ApplicationScoped
class VercelUploader {

    private final VercelApi api;
    private final VercelCalls calls;
    private final VercelConfig config;

    VercelUploader(@RestClient VercelApi api, VercelCalls calls, VercelConfig config) {
        this.api = api;
        this.calls = calls;
        this.config = config;
    }

    Uni<VercelWire.Deployment> deploy(PlatformCredential credential, PlatformProject project, PreparedSource source,
            DeploySpec spec, UploadProgress progress) {
        VercelWire.DeploymentCreate body = body(project, source, spec);
        return calls.once(PlatformStep.DEPLOY, () -> api.createDeployment(VercelCaller.of(credential), "1", body))
                .invoke(created -> progress.update(0, 0, 0, 0))
                .onFailure(VercelApiException.class).recoverWithUni(failure -> {
                    var missing = ((VercelApiException) failure).missing;
                    return upload(credential, source, missing, progress)
                            .chain(() -> calls.once(PlatformStep.DEPLOY,
                                    () -> api.createDeployment(VercelCaller.of(credential), "1", body)))
                            .onFailure(VercelApiException.class).transform(again -> PlatformException.of(
                                    ErrorCode.UPLOAD_REJECTED, PlatformId.VERCEL, PlatformStep.UPLOAD, true,
                                    "Vercel still misses files after they were uploaded"));
                });
    }

    private Uni<Void> upload(PlatformCredential credential, PreparedSource source, List<String> missing,
            UploadProgress progress) {
        Map<String, SourceFile> bySha = new LinkedHashMap<>();
        source.bundle().files().forEach(f -> bySha.putIfAbsent(f.sha1(), f));
        List<SourceFile> needed = missing.stream().distinct().map(bySha::get).toList();
        if (needed.contains(null)) {
            return Uni.createFrom().failure(PlatformException.of(ErrorCode.UPLOAD_REJECTED, PlatformId.VERCEL,
                    PlatformStep.UPLOAD, false, "Vercel asked for a file that is not part of the upload"));
        }
        long bytesNeeded = needed.stream().mapToLong(SourceFile::size).sum();
        var files = new AtomicInteger();
        var bytes = new AtomicLong();
        progress.update(0, needed.size(), 0, bytesNeeded);
        return Multi.createFrom().iterable(needed)
                .onItem().transformToUni(file -> calls.idempotent(PlatformStep.UPLOAD,
                        () -> api.uploadFile(VercelCaller.of(credential), file.sha1(), file.content()))
                        .invoke(ok -> progress.update(files.incrementAndGet(), needed.size(),
                                bytes.addAndGet(file.size()), bytesNeeded)))
                .merge(config.uploadConcurrency())
                .collect().last().replaceWithVoid();
    }

    private static VercelWire.DeploymentCreate body(PlatformProject project, PreparedSource source,
            DeploySpec spec) {
        List<VercelWire.FileRef> files = source.bundle().files().stream()
                .map(f -> new VercelWire.FileRef(f.path(), f.sha1(), f.size())).toList();
        return new VercelWire.DeploymentCreate(project.name(), project.id(), files, null,
                spec.production() ? "production" : null, spec.meta().isEmpty() ? null : spec.meta());
    }
}
