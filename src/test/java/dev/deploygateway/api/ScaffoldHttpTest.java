package dev.deploygateway.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.deploygateway.identity.TestTokens;
import dev.deploygateway.scaffold.FileSpec;
import dev.deploygateway.scaffold.SampleScaffolds;
import dev.deploygateway.scaffold.ScaffoldLimits;
import dev.deploygateway.scaffold.ScaffoldReader;
import dev.deploygateway.scaffold.SourceBundle;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Over HTTP: the sample routes (caller required, list, files in the deployment format) and intake refusals as
 * problem+json.
 */
@QuarkusTest
class ScaffoldHttpTest {

    @Inject
    ScaffoldReader reader;

    @Inject
    SampleScaffolds samples;

    final String token = TestTokens.valid("sample-viewer");

    @Test
    void theSampleRoutesNeedACaller() {
        given().when().get("/api/v1/samples").then().statusCode(401);
        given().when().get("/api/v1/samples/static-site").then().statusCode(401);
    }

    @Test
    void theListNamesEachSampleWithItsSize() {
        given().auth().oauth2(token).when().get("/api/v1/samples").then()
                .statusCode(200)
                .body("name", contains("static-site", "node-app"))
                .body("find { it.name == 'static-site' }.fileCount", equalTo(5))
                .body("find { it.name == 'node-app' }.fileCount", equalTo(5))
                .body("find { it.name == 'static-site' }.bytes", greaterThan(500))
                .body("find { it.name == 'static-site' }.description", org.hamcrest.Matchers.containsString("static"));
    }

    @Test
    void aSamplesFilesReadBackFromTheDeploymentRequestFormatToTheSameBundle() {
        Map<String, Map<String, String>> wire = given().auth().oauth2(token).when().get("/api/v1/samples/static-site")
                .then()
                .statusCode(200)
                .body("name", equalTo("static-site"))
                .body("files.'index.html'.encoding", equalTo("utf-8"))
                .body("files.'images/favicon.png'.encoding", equalTo("base64"))
                .extract().jsonPath().getMap("files");
        var files = new LinkedHashMap<String, FileSpec>();
        wire.forEach((path, spec) -> files.put(path, new FileSpec(spec.get("content"), spec.get("encoding"))));
        assertThat(files).containsKey("\u00fcber-uns.html");
        assertThat(Base64.getDecoder().decode(files.get("images/favicon.png").content())).startsWith(0x89, 'P');
        SourceBundle posted = reader.fromJson(files);
        assertThat(posted).isEqualTo(samples.find("static-site").orElseThrow().bundle());
    }

    @Test
    void anUnknownSampleIs404ProblemJson() {
        given().auth().oauth2(token).when().get("/api/v1/samples/nope").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void theConfiguredLimitsAreTheDefaults() {
        assertThat(reader.limits()).isEqualTo(ScaffoldLimits.defaults());
    }

    @Test
    void aRefusedUploadIsA400ProblemListingEveryError() {
        given().auth().oauth2(token).contentType("application/json")
                .body("{\"files\":{\"../x\":{\"content\":\"a\"},"
                        + "\"b.png\":{\"content\":\"!!\",\"encoding\":\"base64\"}}}")
                .when().post("/api/v1/test-only/scaffold/json").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("files[\"../x\"]", "files[\"b.png\"]"))
                .body("errors[1].message", equalTo("content is not valid base64"));
    }

    @Test
    void anArchiveOverALimitIsA413ProblemNamingTheLimit() {
        byte[] zeros = new byte[11 * 1024 * 1024];
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            zip.write(zeros);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        given().auth().oauth2(token).contentType("application/octet-stream").body(out.toByteArray())
                .when().post("/api/v1/test-only/scaffold/archive").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("limit.name", equalTo("maxCompressionRatio"))
                .body("limit.max", equalTo(200))
                .body("errors[0].field", equalTo("archive:zeros.bin"));
    }

    @Test
    void randomBytesAreA400NotA500() {
        given().auth().oauth2(token).contentType("application/octet-stream").body(new byte[] { 1, 2, 3, 4, 5 })
                .when().post("/api/v1/test-only/scaffold/archive").then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("detail", equalTo("the archive is not a valid zip or tar.gz"));
    }
}
