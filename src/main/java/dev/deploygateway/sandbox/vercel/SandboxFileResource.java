package dev.deploygateway.sandbox.vercel;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /v2/files} (and the legacy {@code /v2/now/files}): store one blob by its SHA-1. */
@Path("/sandbox/vercel")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxFileResource {

    private final SandboxCaller callers;
    private final SandboxBlobs blobs;

    SandboxFileResource(SandboxCaller callers, SandboxBlobs blobs) {
        this.callers = callers;
        this.blobs = blobs;
    }

    @POST
    @Path("/v2/files")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> upload(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @HeaderParam("x-vercel-digest") String digest, @HeaderParam("x-now-digest") String legacyDigest,
            @HeaderParam("x-now-size") String size, @QueryParam("teamId") String teamId, byte[] body) {
        byte[] content = body == null ? new byte[0] : body;
        var caller = callers.resolve(auth, teamId);
        blobs.received(content.length);
        String expected = digest != null ? digest : legacyDigest;
        if (expected == null || expected.isBlank()) {
            throw SandboxError.of(400, "missing_digest", "Missing `x-vercel-digest` header");
        }
        if (size != null && !size.equals(Integer.toString(content.length))) {
            throw SandboxError.of(400, "invalid_size", "The file size (" + content.length
                    + ") doesn't match the provided size (" + size + ")");
        }
        String actual = sha1(content);
        if (!actual.equals(expected.trim().toLowerCase(Locale.ROOT))) {
            throw SandboxError.of(400, "invalid_sha", "SHA1 sum of the file (" + actual
                    + ") doesn't match the provided SHA1 sum (" + expected + ")");
        }
        blobs.put(caller.ownerId(), actual, content);
        return Map.of();
    }

    @POST
    @Path("/v2/now/files")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> uploadLegacy(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @HeaderParam("x-vercel-digest") String digest, @HeaderParam("x-now-digest") String legacyDigest,
            @HeaderParam("x-now-size") String size, @QueryParam("teamId") String teamId, byte[] body) {
        return upload(auth, digest, legacyDigest, size, teamId, body);
    }

    static String sha1(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
