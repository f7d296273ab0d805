package dev.deploygateway.deployment;

import static dev.deploygateway.deployment.DeploymentFixtures.field;
import static dev.deploygateway.deployment.DeploymentFixtures.readStream;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.deploygateway.connection.CredentialBroker;
import dev.deploygateway.deployment.DeploymentFixtures.Sse;
import dev.deploygateway.identity.TestTokens;
import dev.deploygateway.ops.ServiceLogCapture;
import dev.deploygateway.platform.PlatformId;
import dev.deploygateway.sandbox.ContractProxy;
import dev.deploygateway.sandbox.github.GitHubContract;
import dev.deploygateway.sandbox.render.RenderContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Render end to end through the gateway's HTTP API only: GitHub connected by OAuth through the GitHub sandbox, Render
 * by a pasted key; both samples deployed (the project pushed to the user's repository, then built by the Render
 * sandbox from it); a failing build, a cancel, an identical redeploy that sends no blob, and Render's refusals. Every
 * exchange with either sandbox is checked against its OpenAPI document ({@link RenderContract}), and neither the
 * GitHub token nor the Render key shows up in any response, event or log line.
 */
@QuarkusTest
@WithTestResource(ContractProxy.class)
class RenderDeploymentTest extends RenderContract {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final ServiceLogCapture logs = new ServiceLogCapture();

    @Inject
    CredentialBroker broker;

    /** A caller with GitHub (OAuth) and Render (pasted key) connected. */
    record Caller(String user, String login, String renderKey) {

        RequestSpecification api() {
            return given().auth().oauth2(TestTokens.valid(user)).redirects().follow(false);
        }
    }

    static Caller connected(String prefix) {
        String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String login = GitHubContract.login("gh-" + prefix);
        var caller = new Caller(user, login, (String) mintKey(user).get("key"));
        String authorize = caller.api().queryParam("returnTo", "/").get("/api/v1/platforms/github/connect").then()
                .statusCode(302).extract().header("Location");
        String callback = given().urlEncodingEnabled(false).redirects().follow(false).get(authorize + "&login="
                + login).then().statusCode(302).extract().header("Location");
        caller.api().urlEncodingEnabled(false).get(callback).then().statusCode(302);
        caller.api().contentType(ContentType.JSON).body(Map.of("token", caller.renderKey()))
                .put("/api/v1/platforms/render/connection").then().statusCode(200).body("state", equalTo("CONNECTED"));
        caller.api().get("/api/v1/platforms/github/connection").then().statusCode(200)
                .body("state", equalTo("CONNECTED")).body("method", equalTo("oauth"))
                .body("account.username", equalTo(login));
        return caller;
    }

    static Map<String, Map<String, String>> sample(Caller caller, String name) {
        return caller.api().get("/api/v1/samples/" + name).then().statusCode(200).extract().jsonPath()
                .getMap("files");
    }

    static Map<String, Object> request(String projectName, Map<String, ?> files) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("platform", "render");
        body.put("projectName", projectName);
        body.put("target", "production");
        body.put("env", List.of(Map.of("key", "GREETING", "value", "hello", "sensitive", false),
                Map.of("key", "API_SECRET", "value", "s3cr3t-value-42", "sensitive", true)));
        body.put("files", files);
        return body;
    }

    static Map<String, Object> withMarker(Map<String, Map<String, String>> files, String marker) {
        Map<String, Object> out = new LinkedHashMap<>(files);
        out.put(marker, Map.of("content", "on", "encoding", "utf-8"));
        return out;
    }

    static String start(Caller caller, Map<String, Object> body) {
        return caller.api().contentType(ContentType.JSON).body(body).post("/api/v1/deployments").then()
                .statusCode(202).extract().path("id");
    }

    /** The whole event stream of a finished deployment; its last event is {@code end}. */
    static List<Sse> finished(Caller caller, String id) {
        List<Sse> events = readStream(caller.user(), id, null);
        assertThat(events.get(events.size() - 1).event()).isEqualTo("end");
        return events;
    }

    static String status(List<Sse> events) {
        return field(events.get(events.size() - 1).data(), "status");
    }

    /** What the run itself reported (its progress and status events): the push step's outcome, for one. */
    static List<String> progress(List<Sse> events) {
        return events.stream().filter(e -> !"log".equals(e.event())).map(Sse::data).toList();
    }

    static List<String> logLines(List<Sse> events) {
        return events.stream().filter(e -> "log".equals(e.event())).map(Sse::data).toList();
    }

    /** The services of that name in the caller's Render workspace, asked of Render itself. */
    static List<Map<String, Object>> services(Caller caller, String name) {
        return given().header("Authorization", "Bearer " + caller.renderKey()).queryParam("name", name)
                .get("/sandbox/render/v1/services").then().statusCode(200).extract().jsonPath().getList("");
    }

    /** Nothing in any answer the caller got, any event, or any log line carries the caller's credentials. */
    void assertNoSecretIn(Caller caller, List<String> answers) {
        String github = broker.credentialFor(caller.user(), PlatformId.GITHUB).await().atMost(WAIT).accessToken();
        var everywhere = new ArrayList<>(answers);
        everywhere.add(caller.api().get("/api/v1/platforms").asString());
        everywhere.add(caller.api().get("/api/v1/deployments").asString());
        everywhere.addAll(logs.lines());
        for (String secret : List.of(github, caller.renderKey(), "s3cr3t-value-42")) {
            assertThat(everywhere).noneMatch(text -> text.contains(secret));
        }
    }

    @Test
    void theStaticSiteSampleGoesLiveFromTheUsersRepositoryServingItsExactBytes() {
        Caller alice = connected("alice");
        var files = sample(alice, "static-site");
        assertThat(files).containsKey("über-uns.html").containsKey("images/favicon.png");
        long blobs = GitHubContract.stat("blobsCreated");
        String id = start(alice, request("render-site", files));

        List<Sse> events = finished(alice, id);
        assertThat(status(events)).as(events.get(events.size() - 1).data()).isEqualTo("READY");
        assertThat(progress(events)).anyMatch(l -> l.contains("Pushed commit") && l.contains(alice.login()
                + "/render-site"));
        assertThat(logLines(events)).anyMatch(l -> l.contains("Cloning from https://github.com/" + alice.login()
                + "/render-site")).anyMatch(l -> l.contains("site is live"));
        // Text files go inline in the tree; the binary ones are sent as blobs.
        assertThat(GitHubContract.stat("blobsCreated") - blobs).isPositive();
        // The repository is the user's own, private by default.
        given().header("Authorization", "Bearer " + broker.credentialFor(alice.user(), PlatformId.GITHUB).await()
                .atMost(WAIT).accessToken()).get("/sandbox/github/repos/" + alice.login() + "/render-site").then()
                .statusCode(200).body("private", equalTo(true));

        String url = field(events.get(events.size() - 1).data(), "url");
        assertThat(url).contains("onrender.com");
        for (var file : files.entrySet()) {
            var spec = file.getValue();
            byte[] expected = "base64".equals(spec.get("encoding")) ? Base64.getDecoder().decode(spec.get("content"))
                    : spec.get("content").getBytes(StandardCharsets.UTF_8);
            String path = URLEncoder.encode(file.getKey(), StandardCharsets.UTF_8).replace("%2F", "/");
            byte[] served = given().urlEncodingEnabled(false).get(url + path).then().statusCode(200).extract()
                    .asByteArray();
            assertThat(served).as(file.getKey()).containsExactly(expected);
        }
        String view = alice.api().get("/api/v1/deployments/" + id).then().statusCode(200)
                .body("status", equalTo("READY")).body("platform", equalTo("render")).extract().asString();
        assertNoSecretIn(alice, List.of(view, events.toString()));
    }

    @Test
    void theNodeSampleWithPostgresHasDatabaseUrlBeforeItsFirstBuild() {
        Caller bob = connected("bob");
        var body = request("render-node", sample(bob, "node-app"));
        body.put("database", "postgres");
        String id = start(bob, body);

        List<Sse> events = finished(bob, id);
        assertThat(status(events)).as(events.get(events.size() - 1).data()).isEqualTo("READY");
        assertThat(logLines(events)).anyMatch(l -> l.contains("Environment variables: API_SECRET, DATABASE_URL, "
                + "GREETING")).anyMatch(l -> l.contains("Running 'npm start'"));
        var service = services(bob, "render-node");
        assertThat(service).hasSize(1);
        String serviceId = (String) ((Map<?, ?>) service.get(0).get("service")).get("id");
        List<Map<String, Object>> builds = builds(serviceId);
        // One build only, and it already saw DATABASE_URL: the variable was set when the service was created.
        assertThat(builds).hasSize(1);
        assertThat((List<String>) builds.get(0).get("buildEnv")).contains("DATABASE_URL", "GREETING");
        assertNoSecretIn(bob, List.of(events.toString()));
    }

    @Test
    void aFailingBuildEndsFailedWithItsLog() {
        Caller carol = connected("carol");
        String id = start(carol, request("render-fail", withMarker(sample(carol, "static-site"),
                ".sandbox/fail-build")));
        List<Sse> events = finished(carol, id);
        assertThat(status(events)).isEqualTo("FAILED");
        assertThat(logLines(events)).anyMatch(l -> l.contains("simulated build failure"))
                .anyMatch(l -> l.contains("Build failed"));
        carol.api().get("/api/v1/deployments/" + id).then().statusCode(200).body("status", equalTo("FAILED"))
                .body("error.code", equalTo("BUILD_FAILED")).body("error.step", equalTo("build"));
    }

    @Test
    void aCanceledDeploymentEndsCanceled() {
        Caller dave = connected("dave");
        String id = start(dave, request("render-cancel", withMarker(sample(dave, "static-site"),
                ".sandbox/slow-build")));
        dave.api().post("/api/v1/deployments/" + id + "/cancel").then().statusCode(202);
        List<Sse> events = finished(dave, id);
        assertThat(status(events)).isEqualTo("CANCELED");
        // Render's own record agrees: no deploy of the service is still building or live.
        for (var service : services(dave, "render-cancel")) {
            String serviceId = (String) ((Map<?, ?>) service.get("service")).get("id");
            assertThat(builds(serviceId)).extracting(b -> b.get("status")).containsOnly("canceled");
        }
    }

    @Test
    void redeployingAnIdenticalProjectPushesNothingToGitHub() {
        Caller erin = connected("erin");
        String first = start(erin, request("render-again", sample(erin, "static-site")));
        assertThat(status(finished(erin, first))).isEqualTo("READY");
        long blobs = GitHubContract.stat("blobsCreated");
        long commits = GitHubContract.stat("commitsCreated");

        // A redeploy has Render build the commit it built before: nothing goes to GitHub at all.
        String again = erin.api().post("/api/v1/deployments/" + first + "/redeploy").then().statusCode(202)
                .extract().path("id");
        assertThat(status(finished(erin, again))).isEqualTo("READY");
        // A new deployment of the same files pushes again, and finds the repository already holds them.
        String fresh = start(erin, request("render-again", sample(erin, "static-site")));
        List<Sse> events = finished(erin, fresh);
        assertThat(status(events)).isEqualTo("READY");
        assertThat(progress(events)).anyMatch(l -> l.contains("already holds this project") && l.contains(
                "0 blobs sent"));
        assertThat(GitHubContract.stat("blobsCreated") - blobs).isZero();
        assertThat(GitHubContract.stat("commitsCreated") - commits).isZero();
        assertThat(services(erin, "render-again")).hasSize(1);
    }

    @Test
    void aPrivateRepositoryRenderCannotReadFailsWithWhatToDoLeavingNoService() {
        Caller frank = connected("frank");
        repositoryAccess(false);
        String id = start(frank, request("render-private", sample(frank, "static-site")));
        assertThat(status(finished(frank, id))).isEqualTo("FAILED");
        String message = frank.api().get("/api/v1/deployments/" + id).then().statusCode(200)
                .body("error.code", equalTo("REPOSITORY_ACCESS_REQUIRED")).body("error.retryable", equalTo(false))
                .extract().path("error.message");
        assertThat(message).contains("GitHub").contains("public");
        assertThat(services(frank, "render-private")).isEmpty();
    }

    @Test
    void aPublicRepositoryIsBuiltWithoutRendersGitHubAccess() {
        Caller gina = connected("gina");
        repositoryAccess(false);
        var body = request("render-public", sample(gina, "static-site"));
        body.put("source", Map.of("visibility", "public"));
        String id = start(gina, body);
        assertThat(status(finished(gina, id))).isEqualTo("READY");
        given().get("/sandbox/github/repos/" + gina.login() + "/render-public").then().statusCode(200)
                .body("private", equalTo(false));
    }

    @Test
    void aServiceNameTheWorkspaceUsesForAnotherRepositoryIsRefused() {
        Caller hank = connected("hank");
        String first = start(hank, request("render-taken", sample(hank, "static-site")));
        assertThat(status(finished(hank, first))).isEqualTo("READY");
        // The same Render workspace, now with another GitHub account: its repository of that name is another one.
        String other = GitHubContract.mint(GitHubContract.login("gh-other"));
        hank.api().contentType(ContentType.JSON).body(Map.of("token", other))
                .put("/api/v1/platforms/github/connection").then().statusCode(200);
        var body = request("render-taken", sample(hank, "static-site"));
        body.put("env", List.of(Map.of("key", "INTRUDER", "value", "1", "sensitive", false)));
        body.put("database", "postgres");
        String id = start(hank, body);
        assertThat(status(finished(hank, id))).isEqualTo("FAILED");
        String message = hank.api().get("/api/v1/deployments/" + id).then().statusCode(200)
                .body("error.code", equalTo("PROJECT_NAME_TAKEN")).body("error.step", equalTo("create"))
                .extract().path("error.message");
        assertThat(message).contains("choose another project name");
        // The existing service is untouched: no variable upserted, no database made for it, no second build.
        var service = services(hank, "render-taken");
        assertThat(service).hasSize(1);
        String serviceId = (String) ((Map<?, ?>) service.get(0).get("service")).get("id");
        List<String> keys = given().header("Authorization", "Bearer " + hank.renderKey())
                .get("/sandbox/render/v1/services/" + serviceId + "/env-vars").then().statusCode(200).extract()
                .jsonPath().getList("envVar.key");
        assertThat(keys).contains("GREETING").doesNotContain("INTRUDER");
        assertThat(given().header("Authorization", "Bearer " + hank.renderKey()).get("/sandbox/render/v1/postgres")
                .then().statusCode(200).extract().jsonPath().getList("")).isEmpty();
        assertThat(builds(serviceId)).hasSize(1);
    }

    @Test
    void rendersRateLimitFailsRetryableLeavingNoService() {
        Caller ivan = connected("ivan");
        forceRateLimit(600, "/v1/services");
        String id = start(ivan, request("render-limited", sample(ivan, "static-site")));
        assertThat(status(finished(ivan, id))).isEqualTo("FAILED");
        ivan.api().get("/api/v1/deployments/" + id).then().statusCode(200)
                .body("error.code", equalTo("RATE_LIMITED")).body("error.retryable", equalTo(true));
        assertThat(services(ivan, "render-limited")).isEmpty();
    }

    @Test
    void badGitOptionsAreProblemsBeforeAnythingIsStoredOrPushed() {
        Caller judy = connected("judy");
        long repositories = GitHubContract.stat("repositoriesCreated");
        var files = sample(judy, "static-site");
        for (Map<String, Object> source : List.<Map<String, Object>>of(Map.of("visibility", "secret"),
                Map.of("repository", "no spaces allowed"), Map.of("repository", "../escape"),
                Map.of("branch", "bad..branch"))) {
            var body = request("render-bad", files);
            body.put("source", source);
            judy.api().contentType(ContentType.JSON).body(body).post("/api/v1/deployments").then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("code", equalTo("VALIDATION_FAILED"));
        }
        var service = request("render-bad", files);
        service.put("service", Map.of("type", "cron_job"));
        judy.api().contentType(ContentType.JSON).body(service).post("/api/v1/deployments").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        var wrongPlatform = request("render-bad", files);
        wrongPlatform.put("platform", "vercel");
        wrongPlatform.put("source", Map.of("repository", "site"));
        judy.api().contentType(ContentType.JSON).body(wrongPlatform).post("/api/v1/deployments").then()
                .statusCode(400).contentType(startsWith("application/problem+json"));
        assertThat(GitHubContract.stat("repositoriesCreated")).isEqualTo(repositories);
        judy.api().get("/api/v1/deployments").then().statusCode(200).body("items", empty());
    }

    @Test
    void renderWithoutAGitHubConnectionIsRefusedBeforeAnythingIsStored() {
        String user = "liam-" + UUID.randomUUID().toString().substring(0, 8);
        var api = given().auth().oauth2(TestTokens.valid(user));
        api.contentType(ContentType.JSON).body(Map.of("token", (String) mintKey(user).get("key")))
                .put("/api/v1/platforms/render/connection").then().statusCode(200);
        Map<String, Map<String, String>> files = given().auth().oauth2(TestTokens.valid(user))
                .get("/api/v1/samples/static-site").then().statusCode(200).extract().jsonPath().getMap("files");
        given().auth().oauth2(TestTokens.valid(user)).contentType(ContentType.JSON)
                .body(request("render-nogit", files)).post("/api/v1/deployments").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("PLATFORM_NOT_CONNECTED"))
                .body("detail", equalTo("Connect GitHub first."));
        given().auth().oauth2(TestTokens.valid(user)).get("/api/v1/deployments").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void anotherUsersRenderDeploymentIsNotFound() {
        Caller kate = connected("kate");
        String id = start(kate, request("render-mine", sample(kate, "static-site")));
        finished(kate, id);
        String mallory = "mallory-" + UUID.randomUUID().toString().substring(0, 8);
        var as = given().auth().oauth2(TestTokens.valid(mallory));
        as.get("/api/v1/deployments/" + id).then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().auth().oauth2(TestTokens.valid(mallory)).post("/api/v1/deployments/" + id + "/redeploy").then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.valid(mallory)).accept("text/event-stream")
                .get("/api/v1/deployments/" + id + "/events").then().statusCode(404);
    }
}
