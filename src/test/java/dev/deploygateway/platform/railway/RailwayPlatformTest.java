package dev.deploygateway.platform.railway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.DatabaseInfo;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.NameAvailability;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformDeployment;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.ProjectSpec;
import dev.deploygateway.scaffold.SourceBundle;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The Railway client against the Railway sandbox over real HTTP and websockets; GraphQL exchanges are checked. */
@QuarkusTest
@WithTestResource(RailwayRecordingProxy.class)
class RailwayPlatformTest extends RailwayContractTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    RailwayPlatform railway;

    @Test
    void aProjectIsCreatedOnceWithNamesTakenOnlyByTheUsersOwnProjects() {
        var alice = mint("alice");
        String name = "shop-" + suffix();
        assertThat(railway.checkProjectName(alice, name).await().atMost(WAIT).verdict())
                .isEqualTo(NameAvailability.Verdict.AVAILABLE);
        var created = railway.ensureProject(alice, ProjectSpec.named(name)).await().atMost(WAIT);
        assertThat(created.created()).isTrue();
        assertThat(created.id().split(":")).hasSize(3);
        var again = railway.ensureProject(alice, ProjectSpec.named(name)).await().atMost(WAIT);
        assertThat(again.created()).isFalse();
        assertThat(again.id()).isEqualTo(created.id());
        assertThat(railway.checkProjectName(alice, name).await().atMost(WAIT).verdict())
                .isEqualTo(NameAvailability.Verdict.TAKEN);
        // Names are not unique on Railway: another user's project of the same name does not make it taken.
        assertThat(railway.checkProjectName(mint("bob"), name).await().atMost(WAIT).verdict())
                .isEqualTo(NameAvailability.Verdict.AVAILABLE);
        assertThat(railway.checkProjectName(alice, "bad/name").await().atMost(WAIT).verdict())
                .isEqualTo(NameAvailability.Verdict.INVALID);
        var account = railway.verify(alice).await().atMost(WAIT);
        assertThat(account.username()).isEqualTo("alice");
        assertThat(account.teams()).hasSize(1);
    }

    @Test
    void deploysBinaryOrNonAsciiFilesWithVariablesToReadyByteExactly() {
        var alice = mint("alice");
        var project = railway.ensureProject(alice, ProjectSpec.named("site-" + suffix())).await().atMost(WAIT);
        railway.setEnvironment(alice, project, List.of(new EnvVar("API_KEY", "s3cr3t", true),
                new EnvVar("GREETING", "grüß dich", false))).await().atMost(WAIT);
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        var files = new LinkedHashMap<String, byte[]>();
        files.put("index.html", "<h1>héllo</h1>".getBytes(StandardCharsets.UTF_8));
        files.put("données/résumé ü 雪.txt", "ünïcödé".getBytes(StandardCharsets.UTF_8));
        files.put("img/logo.bin", binary);
        files.put("deep/" + "d".repeat(120) + "/long-name-beyond-the-100-byte-ustar-limit.txt", new byte[] { 1, 2 });
        var bundle = SourceBundle.of(files);
        var progress = new AtomicLong(-1);

        var deployment = railway.deploy(alice, project, railway.prepareSource(bundle), DeploySpec.toProduction(),
                (f, fn, b, bn) -> progress.set(f == fn ? b : -1)).await().atMost(WAIT);
        assertThat(deployment.state()).isEqualTo(PlatformState.QUEUED);
        assertThat(progress.get()).isPositive();
        List<PlatformEvent> events = follow(alice, deployment.id());

        // Intermediate states may be over before the socket connects (15 ms steps); the end state is always seen.
        assertThat(states(events)).endsWith(PlatformState.READY);
        assertThat(events.get(events.size() - 1)).isInstanceOf(PlatformEvent.StateChange.class);
        // The variables were in place before the build started (skipDeploys: no extra deployment either).
        assertThat(lines(events)).contains("Variables: API_KEY, GREETING", "Healthcheck succeeded");
        var ready = railway.status(alice, deployment.id()).await().atMost(WAIT);
        assertThat(ready.state()).isEqualTo(PlatformState.READY);
        assertThat(ready.platformState()).isEqualTo("SUCCESS");
        String site = ready.url().orElseThrow().toString();
        assertThat(deployment.url()).contains(ready.url().orElseThrow());
        assertThat(given().get(site + "img/logo.bin").then().statusCode(200).extract().asByteArray())
                .isEqualTo(binary);
        assertThat(given().get(site + "données/résumé ü 雪.txt").then().statusCode(200).extract().asByteArray())
                .isEqualTo("ünïcödé".getBytes(StandardCharsets.UTF_8));
        assertThat(given().get(site).then().statusCode(200).extract().asString()).isEqualTo("<h1>héllo</h1>");
        assertThat(given().get(site + "deep/" + "d".repeat(120) + "/long-name-beyond-the-100-byte-ustar-limit.txt")
                .then().statusCode(200).extract().asByteArray()).containsExactly(1, 2);
    }

    @Test
    void aFailingBuildOrACrashEndsFailedWithItsLog() {
        var alice = mint("alice");
        var project = railway.ensureProject(alice, ProjectSpec.named("broken-" + suffix())).await().atMost(WAIT);
        var deployment = deploy(alice, project, Map.of("index.html", "x", ".sandbox/fail-build", ""));
        List<PlatformEvent> events = follow(alice, deployment.id());
        assertThat(states(events)).endsWith(PlatformState.FAILED);
        assertThat(lines(events)).anyMatch(l -> l.contains("simulated failure"));
        assertThat(events.stream().filter(e -> e instanceof PlatformEvent.LogLine l
                && l.stream() == PlatformEvent.Stream.STDERR)).isNotEmpty();
        var failed = railway.status(alice, deployment.id()).await().atMost(WAIT);
        assertThat(failed.state()).isEqualTo(PlatformState.FAILED);
        assertThat(failed.errorCode()).contains("BUILD_FAILED");

        var crashing = deploy(alice, project, Map.of("index.html", "x", ".sandbox/crash", ""));
        assertThat(states(follow(alice, crashing.id()))).endsWith(PlatformState.FAILED);
        var crashed = railway.status(alice, crashing.id()).await().atMost(WAIT);
        assertThat(crashed.platformState()).isEqualTo("CRASHED");
        assertThat(crashed.errorCode()).contains("CRASHED");
    }

    @Test
    void aDroppedWebsocketResumesWithoutDuplicateOrMissingLines() {
        var alice = mint("alice");
        var project = railway.ensureProject(alice, ProjectSpec.named("flaky-" + suffix())).await().atMost(WAIT);
        var deployment = deploy(alice, project, Map.of("index.html", "x", ".sandbox/drop-socket", "",
                ".sandbox/slow-build", ""));
        List<PlatformEvent> events = follow(alice, deployment.id());

        assertThat(events).filteredOn(e -> e instanceof PlatformEvent.Notice).isNotEmpty();
        assertThat(states(events)).endsWith(PlatformState.READY);
        var all = graphql(alice, "query($id: String!) { buildLogs(deploymentId: $id, limit: 1000) { message } }",
                Map.of("id", deployment.id())).path("data").path("buildLogs");
        var expected = new ArrayList<String>();
        all.forEach(l -> expected.add(l.path("message").asText()));
        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(lines(events)).containsExactlyElementsOf(expected);
    }

    @Test
    void postgresFromTheTemplateIsWiredAsAReferenceTheSandboxResolves() {
        var alice = mint("alice");
        var project = railway.ensureProject(alice, ProjectSpec.named("db-" + suffix())).await().atMost(WAIT);
        DatabaseInfo database = railway.provisionDatabase(alice, project, DatabaseInfo.Kind.POSTGRES)
                .await().atMost(WAIT);
        assertThat(database.envVarNames()).containsExactly("DATABASE_URL");
        var ref = RailwayProjectRef.of(project);
        String query = "query($p: String!, $e: String!, $s: String, $u: Boolean) "
                + "{ variables(projectId: $p, environmentId: $e, serviceId: $s, unrendered: $u) }";
        var ids = new HashMap<String, Object>(Map.of("p", ref.projectId(), "e", ref.environmentId(),
                "s", ref.serviceId()));
        ids.put("u", true);
        assertThat(graphql(alice, query, ids).path("data").path("variables").path("DATABASE_URL").asText())
                .isEqualTo("${{Postgres.DATABASE_URL}}");
        ids.put("u", false);
        assertThat(graphql(alice, query, ids).path("data").path("variables").path("DATABASE_URL").asText())
                .matches("postgresql://postgres:[a-z0-9]+@postgres\\.railway\\.internal:5432/railway");
        var services = graphql(alice,
                "query($id: String!) { project(id: $id) { services { edges { node { name } } } } }",
                Map.of("id", ref.projectId())).path("data").path("project").path("services").path("edges");
        assertThat(services.findValuesAsText("name")).contains("Postgres");
        assertThatThrownBy(() -> railway.provisionDatabase(alice, project, DatabaseInfo.Kind.MYSQL).await()
                .atMost(WAIT)).isInstanceOf(PlatformException.class);
    }

    @Test
    void cancelsABuildThenRollsBackThenRedeploys() {
        var alice = mint("alice");
        var project = railway.ensureProject(alice, ProjectSpec.named("ops-" + suffix())).await().atMost(WAIT);
        var slow = deploy(alice, project, Map.of("index.html", "slow", ".sandbox/slow-build", ""));
        var canceled = railway.cancel(alice, slow.id()).await().atMost(WAIT);
        assertThat(canceled.state()).isEqualTo(PlatformState.CANCELED);

        var v1 = deploy(alice, project, Map.of("index.html", "v1"));
        assertThat(states(follow(alice, v1.id()))).endsWith(PlatformState.READY);
        var v2 = deploy(alice, project, Map.of("index.html", "v2"));
        assertThat(states(follow(alice, v2.id()))).endsWith(PlatformState.READY);
        String site = railway.status(alice, v2.id()).await().atMost(WAIT).url().orElseThrow().toString();
        assertThat(given().get(site).then().extract().asString()).isEqualTo("v2");

        railway.rollback(alice, project, v1.id()).await().atMost(WAIT);
        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> "v1".equals(given().get(site).then().extract().asString()));
        var redeployed = railway.redeploy(alice, project, v2.id(), DeploySpec.toProduction()).await().atMost(WAIT);
        assertThat(redeployed.id()).isNotEqualTo(v2.id());
        assertThat(states(follow(alice, redeployed.id()))).endsWith(PlatformState.READY);
    }

    @Test
    void refusesOversizedUploadsUnknownDeploymentsOrExpiredTokens() {
        var alice = mint("alice");
        var project = railway.ensureProject(alice, ProjectSpec.named("big-" + suffix())).await().atMost(WAIT);
        byte[] random = new byte[1_200_000];
        new Random(7).nextBytes(random);
        var bundle = SourceBundle.of(Map.of("blob.bin", random));
        assertThatThrownBy(() -> railway.deploy(alice, project, railway.prepareSource(bundle),
                DeploySpec.toProduction(), (a, b, c, d) -> {}).await().atMost(WAIT))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UPLOAD_REJECTED));

        assertThatThrownBy(() -> railway.status(mint("mallory"), "no-such-deployment").await().atMost(WAIT))
                .isInstanceOf(PlatformException.class);
        sandbox().contentType("application/json").body(Map.of("token", alice.accessToken()))
                .post("/sandbox/railway/_sandbox/tokens/expire").then().statusCode(204);
        assertThatThrownBy(() -> railway.verify(alice).await().atMost(WAIT))
                .isInstanceOfSatisfying(PlatformException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.RECONNECT_REQUIRED));
    }

    @Test
    void aBuildLogStreamRefusedForItsTokenNeedsAReconnectInsteadOfReconnectingTheSocket() {
        var alice = mint("alice");
        var project = railway.ensureProject(alice, ProjectSpec.named("refused-" + suffix())).await().atMost(WAIT);
        PlatformDeployment deployment = deploy(alice, project, Map.of("index.html", "<h1>hi</h1>"));
        sandbox().contentType("application/json").body(Map.of("token", alice.accessToken()))
                .post("/sandbox/railway/_sandbox/tokens/expire").then().statusCode(204);

        assertThatThrownBy(() -> follow(alice, deployment.id()))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RECONNECT_REQUIRED);
                    assertThat(e.retryable()).isFalse();
                });
    }

    private PlatformDeployment deploy(PlatformCredential credential, PlatformProject project,
            Map<String, String> files) {
        var raw = new LinkedHashMap<String, byte[]>();
        files.forEach((k, v) -> raw.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return railway.deploy(credential, project, railway.prepareSource(SourceBundle.of(raw)),
                DeploySpec.toProduction(), (a, b, c, d) -> {}).await().atMost(WAIT);
    }

    List<PlatformEvent> follow(PlatformCredential credential, String deploymentId) {
        return railway.events(credential, deploymentId, Optional.empty()).collect().asList().await().atMost(WAIT);
    }

    static List<PlatformState> states(List<PlatformEvent> events) {
        return events.stream().filter(e -> e instanceof PlatformEvent.StateChange)
                .map(e -> ((PlatformEvent.StateChange) e).state()).toList();
    }

    static List<String> lines(List<PlatformEvent> events) {
        return events.stream().filter(e -> e instanceof PlatformEvent.LogLine)
                .map(e -> ((PlatformEvent.LogLine) e).text()).toList();
    }
}
