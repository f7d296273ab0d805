package dev.deploygateway.sandbox.vercel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.deploygateway.platform.vercel.VercelRecordingProxy;
import dev.deploygateway.sandbox.NodePresent;
import dev.deploygateway.sandbox.NodeScripts;
import dev.deploygateway.sandbox.SandboxSiteUrls;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Vercel's own deploy engine ({@code @vercel/client}, pinned in src/test/node/conformance) against the sandbox, the
 * way the CLI drives it: hashes, create, {@code missing_files}, uploads, re-create, then polling until the
 * deployment is READY with its aliases assigned. Passing here means the sandbox accepts and answers what Vercel's
 * client sends and expects. (The recording proxy is only declared to share the app with the other Vercel tests.)
 */
@QuarkusTest
@WithTestResource(VercelRecordingProxy.class)
@ExtendWith(NodePresent.class)
class VercelClientConformanceTest {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(90);
    private static final String NON_ASCII = "über-uns.html";

    @TempDir
    Path site;

    @Test
    void theDeployEngineReachesAliasAssignedUploadingEachBlobOnce() throws IOException {
        byte[] logo = writeSite();
        String token = mint("engine-" + suffix());
        String name = "engine-" + suffix();
        long uploadsBefore = stat("fileUploads");

        List<JsonNode> first = deploy(token, name, false);
        JsonNode hashes = event(first, "hashes-calculated");
        assertThat(hashes.path("files").asInt()).isEqualTo(5);
        assertThat(hashes.path("blobs").asInt()).as("the two identical files are one blob").isEqualTo(4);
        assertThat(events(first, "file-uploaded")).hasSize(4);
        assertThat(stat("fileUploads") - uploadsBefore).isEqualTo(4);
        JsonNode done = event(first, "alias-assigned");
        assertThat(done.path("readyState").asText()).isEqualTo("READY");
        assertThat(done.path("aliasAssigned").asBoolean()).isTrue();
        assertThat(first).noneMatch(e -> e.path("type").asText().equals("error"));

        String host = done.path("url").asText();
        assertThat(given().get(SandboxSiteUrls.vercel(host) + "logo.png").then().statusCode(200).extract()
                .asByteArray()).isEqualTo(logo);
        assertThat(given().urlEncodingEnabled(true).get(SandboxSiteUrls.vercel(host) + NON_ASCII).then()
                .statusCode(200).extract().asString()).contains("Über uns");
        assertThat(given().get(SandboxSiteUrls.vercel(host) + "b/copy.txt").then().statusCode(200).extract()
                .asString()).isEqualTo("same bytes\n");

        long uploadsAfterFirst = stat("fileUploads");
        List<JsonNode> second = deploy(token, name, false);
        assertThat(events(second, "file-uploaded")).isEmpty();
        assertThat(stat("fileUploads")).as("nothing uploaded again").isEqualTo(uploadsAfterFirst);
        assertThat(event(second, "alias-assigned").path("readyState").asText()).isEqualTo("READY");
    }

    @Test
    void anArchiveDeploymentIsUnpackedLikeVercelDoes() throws IOException {
        byte[] logo = writeSite();
        List<JsonNode> events = deploy(mint("archive-" + suffix()), "archive-" + suffix(), true);
        JsonNode done = event(events, "alias-assigned");
        assertThat(done.path("readyState").asText()).isEqualTo("READY");
        String host = done.path("url").asText();
        assertThat(given().get(SandboxSiteUrls.vercel(host) + "logo.png").then().statusCode(200).extract()
                .asByteArray()).isEqualTo(logo);
        assertThat(given().urlEncodingEnabled(true).get(SandboxSiteUrls.vercel(host) + NON_ASCII).then()
                .statusCode(200).extract().asString()).contains("Über uns");
        given().get(SandboxSiteUrls.vercel(host) + ".vercel/source.tgz.part1").then().statusCode(404);
    }

    /** A small site: a binary file, a non-ASCII file name and two identical files; returns the binary's bytes. */
    private byte[] writeSite() throws IOException {
        byte[] logo = new byte[2048];
        new Random(42).nextBytes(logo);
        logo[0] = (byte) 0x89;
        logo[1] = 0;
        Files.writeString(site.resolve("index.html"), "<h1>Conformance</h1>", StandardCharsets.UTF_8);
        Files.write(site.resolve("logo.png"), logo);
        Files.writeString(site.resolve(NON_ASCII), "<h1>Über uns</h1>", StandardCharsets.UTF_8);
        Files.createDirectories(site.resolve("a"));
        Files.createDirectories(site.resolve("b"));
        Files.writeString(site.resolve("a/copy.txt"), "same bytes\n", StandardCharsets.UTF_8);
        Files.writeString(site.resolve("b/copy.txt"), "same bytes\n", StandardCharsets.UTF_8);
        return logo;
    }

    private List<JsonNode> deploy(String token, String name, boolean archive) {
        var args = archive ? List.of(api(), site.toString(), name, "tgz") : List.of(api(), site.toString(), name);
        return NodeScripts.run("vercel-deploy.js", args, Map.of("VERCEL_TOKEN", token), DEPLOY_TIMEOUT);
    }

    private static List<JsonNode> events(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.path("type").asText().equals(type)).toList();
    }

    private static JsonNode event(List<JsonNode> all, String type) {
        List<JsonNode> found = events(all, type);
        assertThat(found).as("a %s event in %s", type, all).isNotEmpty();
        return found.get(found.size() - 1);
    }

    private static String api() {
        return "http://localhost:" + Integer.getInteger("quarkus.http.test-port") + "/sandbox/vercel";
    }

    private static String mint(String user) {
        return given().baseUri(api()).contentType(ContentType.JSON).body(Map.of("username", user))
                .post("/_sandbox/tokens").then().statusCode(201).extract().path("token");
    }

    private static long stat(String name) {
        return ((Number) given().baseUri(api()).get("/_sandbox/stats").then().statusCode(200).extract().path(name))
                .longValue();
    }

    private static String suffix() {
        return Long.toString(System.nanoTime(), 36);
    }
}
