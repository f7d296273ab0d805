package dev.deploygateway.frontend;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.deploygateway.identity.TestTokens;

/**
 * A bundled sample with extra files (the sandbox's scenario markers): deployed through the API, or zipped for upload.
 */
final class ScenarioSample {

    private ScenarioSample() {
    }

    /** The sample's {@code files} map, as {@code GET /api/v1/samples/{name}} returns it. */
    static Map<String, Map<String, String>> files(String userId, String sample) {
        return given().baseUri(BrowserTestApp.baseUrl())
                .auth().oauth2(TestTokens.valid(userId))
                .when().get("/api/v1/samples/" + sample)
                .then().statusCode(200)
                .extract().jsonPath().getMap("files");
    }

    /**
     * Starts a deployment of the sample plus marker files through the API (JSON files map), as {@code userId}
     * (who must have connected Vercel); returns its id.
     */
    static String deploy(String userId, String projectName, String sample, String... extraFiles) {
        Map<String, Object> files = new LinkedHashMap<>(files(userId, sample));
        for (String extra : extraFiles) {
            files.put(extra, Map.of("content", "on", "encoding", "utf-8"));
        }
        return given().baseUri(BrowserTestApp.baseUrl())
                .auth().oauth2(TestTokens.valid(userId))
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("platform", "vercel", "projectName", projectName, "target", "preview", "files", files))
                .when().post("/api/v1/deployments")
                .then().statusCode(202)
                .extract().path("id");
    }

    static Path zip(String userId, String sample, String... extraFiles) {
        Map<String, Map<String, String>> files = files(userId, sample);
        try {
            Path zip = Files.createTempFile(sample, ".zip");
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
                for (var file : files.entrySet()) {
                    Map<String, String> spec = file.getValue();
                    byte[] bytes = "base64".equals(spec.get("encoding"))
                            ? Base64.getDecoder().decode(spec.get("content"))
                            : spec.get("content").getBytes(StandardCharsets.UTF_8);
                    entries.putNextEntry(new ZipEntry(file.getKey()));
                    entries.write(bytes);
                    entries.closeEntry();
                }
                for (String extra : extraFiles) {
                    entries.putNextEntry(new ZipEntry(extra));
                    entries.write("on\n".getBytes(StandardCharsets.UTF_8));
                    entries.closeEntry();
                }
            }
            zip.toFile().deleteOnExit();
            return zip;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
