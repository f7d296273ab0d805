package dev.deploygateway.api;

import java.io.InputStream;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import dev.deploygateway.scaffold.FileSpec;
import dev.deploygateway.scaffold.ScaffoldReader;

/** Test-only routes feeding the intake, to prove its refusals render as problem+json (400/413), never 500. */
@Path("/api/v1/test-only/scaffold")
public class ScaffoldIntakeTestResource {

    private final ScaffoldReader reader;

    ScaffoldIntakeTestResource(ScaffoldReader reader) {
        this.reader = reader;
    }

    /** Body: {"files": {...}}, the deployment request's files map. */
    @POST
    @Path("/json")
    @Consumes(MediaType.APPLICATION_JSON)
    public int json(Map<String, Map<String, FileSpec>> body) {
        return reader.fromJson(body.get("files")).fileCount();
    }

    /** Body: the raw archive (a blocking method, so it runs on a worker thread). */
    @POST
    @Path("/archive")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    public int archive(InputStream body) {
        return reader.fromArchive(body).fileCount();
    }
}
