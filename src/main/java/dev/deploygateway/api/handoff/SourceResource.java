package dev.deploygateway.api.handoff;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.deploygateway.api.deployment.DeploymentRequest;
import dev.deploygateway.api.deployment.DeploymentRequestValidator;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.handoff.RegisteredSource;
import dev.deploygateway.handoff.RegisteredSources;
import dev.deploygateway.identity.CurrentCaller;
import dev.deploygateway.scaffold.SourceBundle;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Sources a generator's server registers for a deploy link: the project (an archive, or a JSON files map) is
 * checked like a deployment's, kept for {@code HANDOFF_SOURCE_TTL} under the caller, and named by an opaque id the
 * link carries as {@code source}. Only the caller can describe, deploy ({@code sourceId} in
 * {@code POST /api/v1/deployments}) or delete it; any other id is 404.
 */
@Authenticated
@Path("/api/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final CurrentCaller caller;
    private final RegisteredSources sources;
    private final DeploymentRequestValidator validator;
    private final ObjectMapper json;

    SourceResource(CurrentCaller caller, RegisteredSources sources, DeploymentRequestValidator validator,
            ObjectMapper json) {
        this.caller = caller;
        this.sources = sources;
        this.validator = validator;
        this.json = json;
    }

    /** The JSON form of a registration: the project's files, as in {@code POST /api/v1/deployments}. */
    public record SourceRequest(Map<String, DeploymentRequest.FileEntry> files) {
    }

    /** A registered source as its owner sees it. */
    public record SourceView(String id, int fileCount, long bytes, Instant createdAt, Instant expiresAt,
            Map<String, String> links) {

        static SourceView of(RegisteredSource s) {
            return new SourceView(s.id(), s.fileCount(), s.bytes(), s.createdAt(), s.expiresAt(),
                    Map.of("self", "/api/v1/sources/" + s.id(), "deploy", "/deploy?source=" + s.id()));
        }
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    // Reading and checking an archive is blocking work, as for a deployment's.
    @Blocking
    @Operation(summary = "Register a project (part 'archive': .zip or .tar.gz) for a deploy link",
            description = "201 with the source's id, size and expiry; the project is checked like a deployment's.")
    public Uni<RestResponse<SourceView>> registerArchive(@RestForm("archive") FileUpload archive) {
        String userId = caller.get().userId();
        if (archive == null || archive.uploadedFile() == null) {
            throw invalid("archive", "a .zip or .tar.gz file part named 'archive' is required");
        }
        return sources.register(userId, validator.archive(archive.uploadedFile())).map(SourceResource::created);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a project ({\"files\": {…}}) for a deploy link",
            description = "201 with the source's id, size and expiry; the files are checked like a deployment's.")
    public Uni<RestResponse<SourceView>> registerFiles(byte[] body) {
        String userId = caller.get().userId();
        // Decoding and digesting the files is work for a worker, as for a deployment's JSON body.
        return Uni.createFrom().deferred(() -> read(body)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(bundle -> sources.register(userId, bundle)).map(SourceResource::created);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One registered source (404 when unknown, expired or another user's)")
    public Uni<SourceView> get(@RestPath String id) {
        return sources.describe(caller.get().userId(), id).map(SourceView::of);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Forget a registered source")
    public Uni<Response> delete(@RestPath String id) {
        return sources.delete(caller.get().userId(), id).replaceWith(Response.noContent().build());
    }

    private Uni<SourceBundle> read(byte[] body) {
        SourceRequest request;
        try {
            request = json.readValue(body, SourceRequest.class);
        } catch (IOException e) {
            // Jackson's own failures keep their types, so the problem mappers answer as for any JSON body.
            return Uni.createFrom().failure(e);
        }
        if (request == null || request.files() == null) {
            return Uni.createFrom().failure(invalid("files", "a files map is required"));
        }
        return Uni.createFrom().item(validator.files(request.files()));
    }

    private static RestResponse<SourceView> created(RegisteredSource source) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, SourceView.of(source))
                .location(URI.create("/api/v1/sources/" + source.id())).build();
    }

    private static GatewayException invalid(String field, String message) {
        return new GatewayException(ErrorCode.VALIDATION_FAILED, "One or more fields are invalid.",
                Map.of("errors", List.of(Map.of("field", field, "message", message))), Map.of(), null);
    }
}
