package dev.deploygateway.api.deployment;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.deploygateway.deployment.DeploymentRecord;
import dev.deploygateway.deployment.DeploymentService;
import dev.deploygateway.deployment.DeploymentService.Submitted;
import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.handoff.RegisteredSources;
import dev.deploygateway.identity.CurrentCaller;
import dev.deploygateway.ratelimit.RateLimitHeaders;
import dev.deploygateway.scaffold.SourceBundle;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Deployments: start (JSON or archive), history, one deployment, cancel, redeploy, rollback, promote. */
@Authenticated
@Path("/api/v1/deployments")
@Produces(MediaType.APPLICATION_JSON)
public class DeploymentResource {

    private static final int MAX_PAGE = 100;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[!-~]{1,200}");

    private final CurrentCaller caller;
    private final DeploymentService deployments;
    private final DeploymentRequestValidator validator;
    private final ObjectMapper json;
    private final RegisteredSources sources;

    DeploymentResource(CurrentCaller caller, DeploymentService deployments, DeploymentRequestValidator validator,
            ObjectMapper json, RegisteredSources sources) {
        this.caller = caller;
        this.deployments = deployments;
        this.validator = validator;
        this.json = json;
        this.sources = sources;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a deployment from a JSON files map",
            description = "Validates everything first; 202 with Location, rate-limit headers and the deployment.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeploymentRequest.class)))
    public Uni<RestResponse<DeploymentView>> create(byte[] body, @RestHeader("Idempotency-Key") String idempotencyKey) {
        // Not @Blocking, and the body taken as bytes: a non-blocking method gets its body read asynchronously
        // before it runs (a worker blocked reading a body stalls when many requests share one HTTP/2
        // connection), and parsing, decoding and digesting up to tens of megabytes of files then runs on a
        // worker, never on the event loops that carry the Redis replies and the SSE viewers.
        String userId = caller.get().userId();
        return Uni.createFrom().deferred(() -> intake(userId, body))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(intake -> submit(userId, intake.checked(), intake.bundle(), idempotencyKey, intake.digest()));
    }

    private Uni<Intake> intake(String userId, byte[] body) {
        DeploymentRequest request;
        try {
            request = json.readValue(body, DeploymentRequest.class);
        } catch (IOException e) {
            // Jackson's own failures keep their types, so the problem mappers answer as for any JSON body.
            return Uni.createFrom().failure(e);
        }
        if (request == null) {
            return Uni.createFrom().failure(new GatewayException(ErrorCode.MALFORMED_REQUEST,
                    "The request body must be a JSON object."));
        }
        if (request.sourceId() != null) {
            // A source registered ahead (the hand-off): its files are the caller's, kept under the caller's key.
            if (request.files() != null) {
                throw DeploymentRequestValidator.invalid(List.of(DeploymentRequestValidator.error("sourceId",
                        "send either files or a sourceId, not both")));
            }
            DeploymentRequestValidator.Checked checked = validator.settings(request);
            return sources.bundle(userId, request.sourceId())
                    .onFailure(e -> e instanceof GatewayException g && g.code() == ErrorCode.NOT_FOUND)
                    .transform(e -> DeploymentRequestValidator.invalid(List.of(DeploymentRequestValidator.error(
                            "sourceId", "is not a source you registered, or it has expired"))))
                    .map(bundle -> new Intake(checked, bundle, digest(request)));
        }
        return Uni.createFrom().item(new Intake(validator.settings(request), validator.files(request.files()),
                digest(request)));
    }

    /** A JSON request checked and turned into a bundle, off the event loop. */
    private record Intake(DeploymentRequestValidator.Checked checked, SourceBundle bundle, String digest) {
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    // Reading and checking an archive (tens of megabytes, streamed through the limits) is blocking work.
    @Blocking
    @Operation(summary = "Start a deployment from a zip or tar.gz archive",
            description = "Parts: 'settings' (the JSON request without files) and 'archive' (.zip or .tar.gz).")
    public Uni<RestResponse<DeploymentView>> createFromArchive(@RestForm("settings") String settings,
            @RestForm("archive") FileUpload archive, @RestHeader("Idempotency-Key") String idempotencyKey)
            throws MismatchedInputException {
        String userId = caller.get().userId();
        if (settings == null || settings.isBlank()) {
            throw DeploymentRequestValidator.invalid(List.of(DeploymentRequestValidator.error("settings",
                    "a JSON part named 'settings' is required")));
        }
        DeploymentRequest request;
        try {
            request = json.readValue(settings, DeploymentRequest.class);
        } catch (MismatchedInputException e) {
            // Wrong types and unknown fields: the same VALIDATION_FAILED, naming the field, as in a JSON body.
            throw e;
        } catch (JsonProcessingException e) {
            throw new GatewayException(ErrorCode.MALFORMED_REQUEST, "The 'settings' part is not valid JSON.");
        }
        if (request.files() != null || request.sourceId() != null) {
            String field = request.files() != null ? "settings.files" : "settings.sourceId";
            throw DeploymentRequestValidator.invalid(List.of(DeploymentRequestValidator.error(field,
                    "send the source either as JSON (files or sourceId) or as an archive, not both")));
        }
        DeploymentRequestValidator.Checked checked = validator.settings(request);
        if (archive == null || archive.uploadedFile() == null) {
            throw DeploymentRequestValidator.invalid(List.of(DeploymentRequestValidator.error("archive",
                    "a .zip or .tar.gz file part named 'archive' is required")));
        }
        SourceBundle bundle = validator.archive(archive.uploadedFile());
        return submit(userId, checked, bundle, idempotencyKey, digest(request) + ":" + bundleDigest(bundle));
    }

    Uni<RestResponse<DeploymentView>> submit(String userId, DeploymentRequestValidator.Checked checked,
            SourceBundle bundle, String idempotencyKey, String digest) {
        Optional<String> key = idempotencyKey(idempotencyKey);
        return deployments.submit(userId, checked.settings(), checked.env(), bundle, key, digest)
                .map(this::accepted);
    }

    @GET
    @Operation(summary = "The caller's deployments, newest first",
            description = "Filter by platform and status; page with the nextCursor of the previous page.")
    public Uni<HistoryPage> history(@RestQuery String platform, @RestQuery String status, @RestQuery String cursor,
            @RestQuery Integer limit) {
        String userId = caller.get().userId();
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw new GatewayException(ErrorCode.VALIDATION_FAILED, "limit must be between 1 and " + MAX_PAGE + ".",
                    Map.of("errors", List.of(DeploymentRequestValidator.error("limit", "must be 1-" + MAX_PAGE))),
                    Map.of(), null);
        }
        long before = parseCursor(cursor);
        return deployments.history(userId, before, size, Optional.ofNullable(platform), Optional.ofNullable(status))
                .map(page -> new HistoryPage(page.records().stream().map(this::view).toList(),
                        page.nextCursor().orElse(null)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One deployment", description = "State, URLs, timings, error, env keys (secrets masked).")
    public Uni<DeploymentView> get(@RestPath String id) {
        return deployments.get(caller.get().userId(), id).map(this::view);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a running deployment")
    public Uni<RestResponse<DeploymentView>> cancel(@RestPath String id) {
        return deployments.cancel(caller.get().userId(), id)
                .map(r -> RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, view(r)).build());
    }

    @POST
    @Path("{id}/redeploy")
    @Operation(summary = "Redeploy with the same source and settings", description = "A new, rate-limited deployment.")
    public Uni<RestResponse<DeploymentView>> redeploy(@RestPath String id) {
        return deployments.redeploy(caller.get().userId(), id).map(this::accepted);
    }

    @POST
    @Path("{id}/rollback")
    @Operation(summary = "Make this earlier READY deployment the live one again (no rebuild)",
            description = "200 with the deployment and what production serves now; 409 when it is not READY, is a "
                    + "preview (promote it), is already live or the platform refuses; 422 when unsupported.")
    public Uni<LiveView> rollback(@RestPath String id) {
        return deployments.rollback(caller.get().userId(), id).map(this::live);
    }

    @POST
    @Path("{id}/promote")
    @Operation(summary = "Make this READY preview deployment the production one (no rebuild)",
            description = "200 with the deployment and what production serves now; 409 when it is not a READY "
                    + "preview or is already live; 422 when unsupported.")
    public Uni<LiveView> promote(@RestPath String id) {
        return deployments.promote(caller.get().userId(), id).map(this::live);
    }

    private LiveView live(DeploymentService.LiveChange change) {
        return new LiveView(view(change.record()), new LiveView.Live(change.record().id(),
                change.liveUrl().orElse(null)));
    }

    private RestResponse<DeploymentView> accepted(Submitted submitted) {
        DeploymentRecord record = submitted.record();
        RestResponse.ResponseBuilder<DeploymentView> response = RestResponse.ResponseBuilder
                .create(RestResponse.Status.ACCEPTED, view(record))
                .location(URI.create("/api/v1/deployments/" + record.id()));
        submitted.quota().ifPresent(q -> RateLimitHeaders.of(q).forEach(response::header));
        if (submitted.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    private DeploymentView view(DeploymentRecord record) {
        return DeploymentView.of(record, deployments.env(record));
    }

    private static Optional<String> idempotencyKey(String value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!IDEMPOTENCY_KEY.matcher(value).matches()) {
            throw new GatewayException(ErrorCode.VALIDATION_FAILED, "Idempotency-Key must be 1-200 visible ASCII "
                    + "characters.",
                    Map.of("errors", List.of(DeploymentRequestValidator.error("Idempotency-Key",
                            "must be 1-200 visible ASCII characters"))),
                    Map.of(), null);
        }
        return Optional.of(value);
    }

    private static long parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new GatewayException(ErrorCode.VALIDATION_FAILED, "cursor is not one this API issued.",
                    Map.of("errors", List.of(DeploymentRequestValidator.error("cursor", "is malformed"))), Map.of(),
                    null);
        }
    }

    private String digest(Object request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("request cannot be digested", e);
        }
    }

    private static String bundleDigest(SourceBundle bundle) {
        StringBuilder text = new StringBuilder();
        bundle.files().forEach(f -> text.append(f.path()).append('\0').append(f.sha1()).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page of history. */
    public record HistoryPage(List<DeploymentView> items, String nextCursor) {
    }
}
