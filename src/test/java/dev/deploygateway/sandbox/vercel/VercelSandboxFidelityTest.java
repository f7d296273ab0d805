package dev.deploygateway.sandbox.vercel;

import static dev.deploygateway.sandbox.vercel.VercelSandboxFixtures.API;
import static dev.deploygateway.sandbox.vercel.VercelSandboxFixtures.as;
import static dev.deploygateway.sandbox.vercel.VercelSandboxFixtures.awaitReady;
import static dev.deploygateway.sandbox.vercel.VercelSandboxFixtures.deployInline;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

import dev.deploygateway.platform.vercel.VercelContractTestBase;
import dev.deploygateway.platform.vercel.VercelRecordingProxy;
import dev.deploygateway.sandbox.SandboxSiteUrls;
import dev.deploygateway.scaffold.SourceFile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What Vercel's clients send and read, answered as Vercel does (each exchange is contract-checked afterwards). */
@QuarkusTest
@WithTestResource(VercelRecordingProxy.class)
class VercelSandboxFidelityTest extends VercelContractTestBase {

    @Test
    void aNullFrameworkNeedsNoAutoDetectionConfirmation() {
        var user = mint("other-fw");
        var settings = new HashMap<String, Object>();
        settings.put("framework", null);
        as(user).contentType(ContentType.JSON).body(Map.of("name", "other-" + suffix(), "files",
                List.of(Map.of("file", "index.html", "data", "hi")), "projectSettings", settings))
                .post(API + "/v13/deployments").then().statusCode(200).body("projectSettings.framework", nullValue());
    }

    @Test
    void theRoutesVercelsClientsCallAnswerInVercelsShapes() {
        var user = mint("routes-user");
        String team = as(user).get(API + "/v1/teams").then().statusCode(200).body("teams[0].membership.role",
                equalTo("OWNER")).extract().path("teams[0].id");
        as(user).get(API + "/teams/" + team).then().statusCode(200).body("id", equalTo(team));
        as(user).get(API + "/v2/teams/" + team).then().statusCode(200).body("stagingPrefix",
                equalTo("routes-user-team"));
        String name = "listed-" + suffix();
        String id = deployInline(user, name);
        String projectId = as(user).get(API + "/v9/projects/" + name).then().statusCode(200).extract().path("id");
        for (String version : List.of("v6", "v7")) {
            as(user).queryParam("projectId", projectId).get(API + "/" + version + "/deployments").then()
                    .statusCode(200).body("deployments[0].uid", equalTo(id)).body("pagination.count", equalTo(1));
        }
        for (String version : List.of("v9", "v10")) {
            as(user).queryParam("search", name).get(API + "/" + version + "/projects").then().statusCode(200)
                    .body("projects[0].name", equalTo(name)).body("pagination.count", equalTo(1));
        }
        awaitReady(user, id);
        as(user).get(API + "/v11/deployments/" + id + "/builds").then().statusCode(200)
                .body("builds[0].readyState", equalTo("READY")).body("builds[0].use", equalTo("@vercel/static"));
    }

    @Test
    void unknownRoutesAnswerInVercelsErrorShapeNotTheGatewaysProblemJson() {
        var user = mint("unknown-route");
        for (String method : List.of("GET", "POST", "DELETE")) {
            // Straight to the app: the contract check would rightly say the document has no such path.
            given().header("Authorization", user.bearer()).request(method, API + "/v99/nothing/here").then()
                    .statusCode(404)
                    .contentType(ContentType.JSON).body("error.code", equalTo("not_found"));
        }
        // Sites are never served from the gateway's origin any more.
        given().get(API + "/sites/anything.vercel.app/").then().statusCode(404).body("error.code",
                equalTo("not_found"));
    }

    @Test
    void aDeploymentReadsAsTheFullObjectIncludingItsTeam() {
        var user = mint("full-read");
        String team = as(user).get(API + "/v2/teams").then().extract().path("teams[0].id");
        String id = as(user).queryParam("teamId", team).queryParam("skipAutoDetectionConfirmation", 1)
                .contentType(ContentType.JSON).body(Map.of("name", "full-" + suffix(), "files",
                        List.of(Map.of("file", "index.html", "data", "x"))))
                .post(API + "/v13/deployments").then().statusCode(200).extract().path("id");
        as(user).queryParam("teamId", team).get(API + "/v13/deployments/" + id).then().statusCode(200)
                .body("projectId", org.hamcrest.Matchers.startsWith("prj_")).body("ownerId", equalTo(team))
                .body("team.id", equalTo(team)).body("team.slug", equalTo("full-read-team"));
    }

    @Test
    void formatLinesAnswersOneJsonObjectPerLine() {
        var user = mint("lines-user");
        String id = deployInline(user, "lines-" + suffix());
        awaitReady(user, id);
        String body = as(user).queryParam("format", "lines").get(API + "/v3/deployments/" + id + "/events").then()
                .statusCode(200).contentType("application/stream+json").extract().asString();
        assertThat(body).doesNotStartWith("[");
        assertThat(body.lines()).hasSizeGreaterThan(8).allMatch(l -> l.startsWith("{\"id\":") && l.endsWith("}"));
    }

    @Test
    void aTgzArchiveDeploymentIsUnpacked() throws IOException {
        var user = mint("tgz-user");
        byte[] archive = tarball(Map.of("index.html", "<p>from the archive</p>", "css/site.css", "p{}"));
        byte[] part1 = Arrays.copyOfRange(archive, 0, archive.length / 2);
        byte[] part2 = Arrays.copyOfRange(archive, archive.length / 2, archive.length);
        for (byte[] part : List.of(part1, part2)) {
            as(user).contentType("application/octet-stream").header("x-vercel-digest", SourceFile.sha1Hex(part))
                    .body(part).post(API + "/v2/files").then().statusCode(200);
        }
        String id = as(user).contentType(ContentType.JSON).body(Map.of("name", "tgz-" + suffix(), "projectSettings",
                Map.of("buildCommand", "npm run build"), "files", List.of(
                        Map.of("file", ".vercel/source.tgz.part1", "sha", SourceFile.sha1Hex(part1), "size",
                                part1.length),
                        Map.of("file", ".vercel/source.tgz.part2", "sha", SourceFile.sha1Hex(part2), "size",
                                part2.length))))
                .post(API + "/v13/deployments").then().statusCode(200).extract().path("id");
        awaitReady(user, id);
        String host = as(user).get(API + "/v13/deployments/" + id).then().extract().path("url");
        given().get(SandboxSiteUrls.vercel(host)).then().statusCode(200).body(equalTo("<p>from the archive</p>"));
        given().get(SandboxSiteUrls.vercel(host) + "css/site.css").then().statusCode(200).body(equalTo("p{}"));
    }

    @Test
    void theUserIsTheFullVariantNotTheLimitedOne() {
        as(mint("full-user")).get(API + "/v2/user").then().statusCode(200).body("user", not(hasKey("limited")))
                .body("user.username", equalTo("full-user")).body("user", hasKey("billing"))
                .body("user.stagingPrefix", equalTo("full-user"));
    }

    @Test
    void answersCarryTheFieldsTheCurrentSdkRequires() {
        var user = mint("sdk-shapes");
        String name = "sdk-" + suffix();
        as(user).contentType(ContentType.JSON).body(Map.of("name", name)).post(API + "/v11/projects").then()
                .statusCode(200).body("alias", equalTo(List.of()))
                .body("deploymentExpiration", hasKey("expirationDays"));
        as(user).contentType(ContentType.JSON).body(Map.of("key", "K", "value", "v", "type", "plain", "target",
                List.of("production"))).post(API + "/v10/projects/" + name + "/env").then().statusCode(201);
        // No securityIssues[]: the SDK requires it, the document's env schemas forbid it (docs/platforms.md).
        as(user).get(API + "/v10/projects/" + name + "/env").then().statusCode(200).body("envs[0].key", equalTo("K"));
        String configuration = as(user).queryParam("view", "account").get(API + "/v1/integrations/configurations")
                .then().statusCode(200).extract().path("[0].id");
        as(user).contentType(ContentType.JSON).body(Map.of("name", "db-" + suffix(), "integrationConfigurationId",
                configuration, "integrationProductIdOrSlug", "neon"))
                .post(API + "/v1/storage/stores/integration/direct").then().statusCode(200)
                .body("store.product.integration.slug", equalTo("neon"))
                .body("store.product.supportedProtocols", hasItem("storage"))
                .body("store.product.integrationConfigurationId", equalTo(configuration));
    }

    @Test
    void theAuthorizePageRefusesAnUnregisteredRedirectUriInsteadOfRedirecting() {
        var response = given().redirects().follow(false).queryParam("client_id", "deploy-gateway-sandbox")
                .queryParam("redirect_uri", "https://attacker.example/steal").queryParam("response_type", "code")
                .queryParam("code_challenge", "x".repeat(43)).queryParam("code_challenge_method", "S256")
                .get(API + "/oauth/authorize").then().statusCode(400).body("error", equalTo("invalid_request"))
                .extract();
        assertThat(response.header("Location")).isNull();
    }

    static byte[] tarball(Map<String, String> files) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out), "UTF-8")) {
            for (var file : files.entrySet()) {
                byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
                var entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

}
