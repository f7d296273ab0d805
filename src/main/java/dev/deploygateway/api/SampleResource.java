package dev.deploygateway.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.error.GatewayException;
import dev.deploygateway.scaffold.FileSpec;
import dev.deploygateway.scaffold.Sample;
import dev.deploygateway.scaffold.SampleScaffolds;
import dev.deploygateway.scaffold.SourceFile;
import io.quarkus.security.Authenticated;

/**
 * The bundled sample projects, so the front end (and the demo) can deploy something without writing a project:
 * the files come back in exactly the {@code files} format {@code POST /api/v1/deployments} accepts.
 */
// Plain (non-Uni) methods run on a worker thread: the first call reads the samples from the classpath.
@Authenticated
@Path("/api/v1/samples")
@Produces(MediaType.APPLICATION_JSON)
public class SampleResource {

    private final SampleScaffolds samples;

    SampleResource(SampleScaffolds samples) {
        this.samples = samples;
    }

    @GET
    @Operation(summary = "The bundled sample projects", description = "Name, description, file count and bytes.")
    public List<SampleSummary> list() {
        return samples.list().stream().map(SampleSummary::of).toList();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One sample project's files",
            description = "The files map in the format of POST /api/v1/deployments (text as utf-8, binary as base64).")
    public SampleFiles files(@PathParam("name") String name) {
        Sample sample = samples.find(name)
                .orElseThrow(() -> new GatewayException(ErrorCode.NOT_FOUND, "No such sample"));
        var files = new LinkedHashMap<String, FileSpec>();
        for (SourceFile file : sample.bundle().files()) {
            files.put(file.path(), FileSpec.of(file.content()));
        }
        return new SampleFiles(sample.name(), sample.description(), files);
    }

    /** A sample in the list. */
    public record SampleSummary(String name, String description, int fileCount, long bytes) {

        static SampleSummary of(Sample s) {
            return new SampleSummary(s.name(), s.description(), s.bundle().fileCount(), s.bundle().totalBytes());
        }
    }

    /** A sample's files, ready to be posted as the {@code files} of a deployment. */
    public record SampleFiles(String name, String description, Map<String, FileSpec> files) {
    }
}
