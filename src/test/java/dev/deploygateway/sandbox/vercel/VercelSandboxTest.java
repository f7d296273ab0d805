package dev.deploygateway.sandbox.vercel;

import static dev.deploygateway.sandbox.vercel.VercelSandboxFixtures.API;
import static dev.deploygateway.sandbox.vercel.VercelSandboxFixtures.as;
import static dev.deploygateway.sandbox.vercel.VercelSandboxFixtures.awaitReady;
import static dev.deploygateway.sandbox.vercel.VercelSandboxFixtures.deployInline;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.deploygateway.platform.vercel.VercelContractTestBase;
import dev.deploygateway.platform.vercel.VercelRecordingProxy;
import dev.deploygateway.sandbox.SandboxSiteUrls;
import dev.deploygateway.scaffold.SourceFile;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The Vercel sandbox's own behaviour over HTTP (through the recording proxy, so its answers are contract-checked). */
@QuarkusTest
@WithTestResource(VercelRecordingProxy.class)
class VercelSandboxTest extends VercelContractTestBase {

    @Test
    void anUnknownTokenGetsVercelsForbiddenAnswerWithRateLimitHeaders() {
        sandbox().header("Authorization", "Bearer nope").get(API + "/v2/user").then().statusCode(403)
                .body("error.code", equalTo("forbidden")).body("error.invalidToken", equalTo(true))
                .header("X-RateLimit-Limit", notNullValue()).header("X-RateLimit-Remaining", notNullValue())
                .header("X-RateLimit-Reset", notNullValue());
    }

    @Test
    void projectsAreVisibleOnlyInTheirTeamToItsMembers() {
        var alice = mint("team-alice");
        String team = as(alice).get(API + "/v2/teams").then().statusCode(200).extract().path("teams[0].id");
        String name = "scoped-" + suffix();
        as(alice).queryParam("teamId", team).contentType(ContentType.JSON).body(Map.of("name", name))
                .post(API + "/v11/projects").then().statusCode(200).body("accountId", equalTo(team));
        as(alice).queryParam("teamId", team).get(API + "/v9/projects/" + name).then().statusCode(200);
        as(alice).get(API + "/v9/projects/" + name).then().statusCode(404).body("error.code", equalTo("not_found"));
        as(mint("team-mallory")).queryParam("teamId", team).get(API + "/v9/projects/" + name).then().statusCode(403);
    }

    @Test
    void anInvalidOrDuplicateProjectNameIsRefused() {
        var user = mint("names-user");
        as(user).contentType(ContentType.JSON).body(Map.of("name", "Not---Valid")).post(API + "/v11/projects").then()
                .statusCode(400);
        String name = "unique-" + suffix();
        as(user).contentType(ContentType.JSON).body(Map.of("name", name)).post(API + "/v11/projects").then()
                .statusCode(200).body("id", org.hamcrest.Matchers.startsWith("prj_"));
        as(user).contentType(ContentType.JSON).body(Map.of("name", name)).post(API + "/v11/projects").then()
                .statusCode(409).body("error.code", equalTo("conflict"));
        as(user).delete(API + "/v9/projects/" + name).then().statusCode(204);
        as(user).get(API + "/v9/projects/" + name).then().statusCode(404);
    }

    @Test
    void fileUploadsAreVerifiedAgainstTheirDigestOrSizeHeader() {
        var user = mint("files-user");
        byte[] content = "blob".getBytes(StandardCharsets.UTF_8);
        String sha = SourceFile.sha1Hex(content);
        as(user).contentType("application/octet-stream").header("x-vercel-digest", SourceFile.sha1Hex(new byte[1]))
                .body(content).post(API + "/v2/files").then().statusCode(400);
        as(user).contentType("application/octet-stream").header("x-vercel-digest", sha).header("x-now-size", "99")
                .body(content).post(API + "/v2/files").then().statusCode(400);
        as(user).contentType("application/octet-stream").header("x-now-digest", sha).body(content)
                .post(API + "/v2/files").then().statusCode(200);
    }

    @Test
    void deploymentListsMissingFilesThenNeedsSettingsThenBuildsInlineFiles() {
        var user = mint("deploy-user");
        String name = "inline-" + suffix();
        String unknownSha = SourceFile.sha1Hex(("never uploaded " + name).getBytes(StandardCharsets.UTF_8));
        as(user).contentType(ContentType.JSON).body(Map.of("name", name, "files",
                List.of(Map.of("file", "a.txt", "sha", unknownSha, "size", 5)))).post(API + "/v13/deployments").then()
                .statusCode(400).body("error.code", equalTo("missing_files"))
                .body("error.missing", hasItem(unknownSha));

        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0, (byte) 0xff };
        var files = List.of(Map.of("file", "public/index.html", "data", "<b>ok</b>", "encoding", "utf-8"),
                Map.of("file", "public/logo.png", "data", Base64.getEncoder().encodeToString(png), "encoding",
                        "base64"));
        as(user).contentType(ContentType.JSON).body(Map.of("name", name, "files", files)).post(API + "/v13/deployments")
                .then().statusCode(400).body("error.code", equalTo("missing_project_settings"));
        String id = as(user).contentType(ContentType.JSON).body(Map.of("name", name, "files", files,
                "projectSettings", Map.of("outputDirectory", "public"), "target", "production"))
                .post(API + "/v13/deployments").then().statusCode(200).body("readyState", equalTo("QUEUED"))
                .extract().path("id");
        awaitReady(user, id);
        String host = as(user).get(API + "/v13/deployments/" + id).then().statusCode(200)
                .body("aliasAssigned", equalTo(true)).body("readySubstate", equalTo("PROMOTED")).extract().path("url");
        assertThat(given().get(SandboxSiteUrls.vercel(host) + "logo.png").then().statusCode(200).extract()
                .asByteArray()).isEqualTo(png);
        given().get(SandboxSiteUrls.vercel(host)).then().statusCode(200).body(equalTo("<b>ok</b>"));
    }

    @Test
    void eventQueriesHonourTheirParametersWithAFinishedFollowReplayingAll() {
        var user = mint("events-user");
        String id = deployInline(user, "events-" + suffix());
        awaitReady(user, id);
        List<Map<String, Object>> all = as(user).get(API + "/v3/deployments/" + id + "/events").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(all).hasSizeGreaterThan(8);
        List<Map<String, Object>> lastTwo = as(user).queryParam("direction", "backward").queryParam("limit", 2)
                .get(API + "/v3/deployments/" + id + "/events").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(lastTwo).extracting(e -> e.get("id")).containsExactly(all.get(all.size() - 1).get("id"),
                all.get(all.size() - 2).get("id"));
        long since = ((Number) all.get(5).get("created")).longValue();
        List<Map<String, Object>> later = as(user).queryParam("since", since)
                .get(API + "/v3/deployments/" + id + "/events").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertThat(later).allMatch(e -> ((Number) e.get("created")).longValue() >= since);
        // A finished deployment's live stream replays and closes at once.
        String stream = as(user).queryParam("follow", 1).get(API + "/v3/deployments/" + id + "/events").then()
                .statusCode(200).contentType("application/stream+json").extract().asString();
        assertThat(stream.lines().filter(l -> !l.equals("{}"))).hasSize(all.size());
    }

    @Test
    void aSlowBuildStreamsKeepAlivesUntilReadyThenRefusesCancel() {
        var user = mint("slow-user");
        String id = as(user).contentType(ContentType.JSON).queryParam("skipAutoDetectionConfirmation", 1)
                .body(Map.of("name", "slow-" + suffix(), "files", List.of(Map.of("file", "index.html", "data", "x"),
                        Map.of("file", ".sandbox/slow-build", "data", ""))))
                .post(API + "/v13/deployments").then().statusCode(200).extract().path("id");
        String stream = as(user).queryParam("follow", 1).get(API + "/v3/deployments/" + id + "/events").then()
                .statusCode(200).contentType("application/stream+json").extract().asString();
        assertThat(stream.lines()).contains("{}");
        assertThat(stream.lines().reduce((a, b) -> b).orElseThrow()).contains("\"readyState\":\"READY\"");
        as(user).patch(API + "/v12/deployments/" + id + "/cancel").then().statusCode(400);
    }

    @Test
    void envWithoutUpsertReportsConflictsInFailed() {
        var user = mint("env-conflict");
        String name = "env-" + suffix();
        as(user).contentType(ContentType.JSON).body(Map.of("name", name)).post(API + "/v11/projects").then()
                .statusCode(200);
        var env = Map.of("key", "K", "value", "v", "type", "plain", "target", List.of("production"));
        as(user).contentType(ContentType.JSON).body(env).post(API + "/v10/projects/" + name + "/env").then()
                .statusCode(201).body("created.key", equalTo("K"));
        as(user).contentType(ContentType.JSON).body(env).post(API + "/v10/projects/" + name + "/env").then()
                .statusCode(201).body("failed[0].error.code", equalTo("ENV_CONFLICT"));
        as(user).contentType(ContentType.JSON).queryParam("upsert", "true").body(List.of(env))
                .post(API + "/v10/projects/" + name + "/env").then().statusCode(201).body("failed", equalTo(List.of()));
    }

    @Test
    void integrationCodeExchangeYieldsAUsableToken() {
        String redirect = "http://localhost:9999/callback";
        String location = sandbox().urlEncodingEnabled(true).redirects().follow(false)
                .queryParam("client_id", "icli").queryParam("redirect_uri", redirect)
                .queryParam("response_type", "code")
                .queryParam("code_challenge", "x").queryParam("code_challenge_method", "S256")
                .queryParam("login_hint", "integrator").get(API + "/oauth/authorize").then().statusCode(302)
                .extract().header("Location");
        String code = location.replaceAll(".*[?&]code=([^&]+).*", "$1");
        String token = sandbox().contentType(ContentType.URLENC).formParam("client_id", "icli")
                .formParam("client_secret", "s").formParam("code", code).formParam("redirect_uri", redirect)
                .post(API + "/v2/oauth/access_token").then().statusCode(200).body("token_type", equalTo("Bearer"))
                .body("installation_id", org.hamcrest.Matchers.startsWith("icfg_")).extract().path("access_token");
        sandbox().header("Authorization", "Bearer " + token).get(API + "/v2/user").then().statusCode(200)
                .body("user.username", equalTo("integrator"));
    }

}
