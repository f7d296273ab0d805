package dev.deploygateway.api.handoff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import dev.deploygateway.identity.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The hand-off's HTTP surface: the redirect check against {@code HANDOFF_REDIRECT_ORIGINS}
 * ({@code https://generator.example} in tests), the {@code /deploy} page, and registered sources (owned, 404 for
 * others, deployable by {@code sourceId}, capped, deletable).
 */
@QuarkusTest
class HandoffApiTest {

    private static final String PAGE = "<!doctype html><title>handed off</title><h1>From the generator</h1>";

    @Test
    void onlyRedirectsToAnAllowedOriginAreAccepted() {
        String user = user("redir");
        as(user).queryParam("url", "https://generator.example/done?x=1").get("/api/v1/handoff/redirect").then()
                .statusCode(200).body("url", equalTo("https://generator.example/done?x=1"))
                .body("origin", equalTo("https://generator.example"));
        as(user).queryParam("url", "https://GENERATOR.example:443/back").get("/api/v1/handoff/redirect").then()
                .statusCode(200).body("origin", equalTo("https://generator.example"));
        as(user).queryParam("url", "https://evil.example/done").get("/api/v1/handoff/redirect").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("detail", containsString("https://evil.example is not one this gateway returns users to"))
                .body("errors[0].field", equalTo("redirectUrl"));
        for (String bad : List.of("javascript:alert(1)", "https://me@generator.example/", "/relative", "")) {
            as(user).queryParam("url", bad).get("/api/v1/handoff/redirect").then().statusCode(400)
                    .body("errors[0].field", equalTo("redirectUrl"));
        }
    }

    @Test
    void theDeployLinkServesThePageFramableOnlyByAllowedOrigins() {
        String index = given().get("/").then().statusCode(200).extract().asString();
        given().queryParam("projectName", "x").get("/deploy").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors https://generator.example"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("X-Frame-Options", "SAMEORIGIN")
                .body(equalTo(index));
        given().get("/").then().header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void onlyItsOwnerCanReadDeployOrDeleteARegisteredSource() {
        String owner = user("gen");
        var created = as(owner).multiPart("archive", "site.zip", zip(Map.of("index.html", PAGE)), "application/zip")
                .post("/api/v1/sources").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/sources/src_[0-9a-f]{32}"))
                .body("fileCount", equalTo(1)).body("bytes", equalTo(PAGE.length()))
                .extract().jsonPath();
        String id = created.getString("id");
        assertThat(created.getString("links.deploy")).isEqualTo("/deploy?source=" + id);
        assertThat(Duration.between(Instant.parse(created.getString("createdAt")),
                Instant.parse(created.getString("expiresAt")))).isEqualTo(Duration.ofHours(1));

        as(owner).get("/api/v1/sources/" + id).then().statusCode(200).body("id", equalTo(id));
        String other = user("other");
        as(other).get("/api/v1/sources/" + id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(other).delete("/api/v1/sources/" + id).then().statusCode(404);
        as(owner).get("/api/v1/sources/not-an-id").then().statusCode(404);
        connectVercel(other);
        deploy(other, Map.of("sourceId", id)).then().statusCode(400).body("errors[0].field", equalTo("sourceId"));

        connectVercel(owner);
        deploy(owner, Map.of("sourceId", id, "files", Map.of())).then().statusCode(400)
                .body("errors[0].field", equalTo("sourceId"));
        String deployment = deploy(owner, Map.of("sourceId", id)).then().statusCode(202).extract().path("id");
        String url = awaitUrl(owner, deployment);
        given().get(url).then().statusCode(200).body(containsString("From the generator"));

        as(owner).delete("/api/v1/sources/" + id).then().statusCode(204);
        as(owner).get("/api/v1/sources/" + id).then().statusCode(404);
    }

    @Test
    void aSourceCanBeRegisteredAsAFilesMapUpToTheCap() {
        String owner = user("json");
        as(owner).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("index.html", Map.of("content", PAGE, "encoding", "utf-8"))))
                .post("/api/v1/sources").then().statusCode(201).body("fileCount", equalTo(1));
        as(owner).contentType(ContentType.JSON).body(Map.of("files", Map.of("a.txt", Map.of("content", "x")),
                "extra", 1)).post("/api/v1/sources").then().statusCode(400);
        // The cap (64K in tests) counts the files, uncompressed.
        String big = "x".repeat(70 * 1024);
        as(owner).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("big.txt", Map.of("content", big, "encoding", "utf-8"))))
                .post("/api/v1/sources").then().statusCode(413).body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body("limitBytes", equalTo(64 * 1024));
    }

    /** Reads the deployment's event stream to its end (the server closes it after {@code end}); its URL. */
    private static String awaitUrl(String user, String deployment) {
        String events = as(user).accept("text/event-stream").get("/api/v1/deployments/" + deployment + "/events")
                .then().statusCode(200).extract().asString();
        assertThat(events).contains("event:end", "\"status\":\"READY\"");
        return as(user).get("/api/v1/deployments/" + deployment).then().statusCode(200).extract().path("url");
    }

    private static Response deploy(String user, Map<String, Object> source) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("platform", "vercel", "projectName",
                "handoff-" + user.substring(user.length() - 8), "target", "preview"));
        body.putAll(source);
        return as(user).contentType(ContentType.JSON).body(body).post("/api/v1/deployments");
    }

    private static void connectVercel(String user) {
        String token = given().contentType(ContentType.JSON).body(Map.of("username", user))
                .post("/sandbox/vercel/_sandbox/tokens").then().statusCode(201).extract().path("token");
        as(user).contentType(ContentType.JSON).body(Map.of("token", token)).put("/api/v1/platforms/vercel/connection")
                .then().statusCode(200);
    }

    private static String user(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(TestTokens.valid(user));
    }

    private static byte[] zip(Map<String, String> files) {
        try (var bytes = new ByteArrayOutputStream(); var zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
