package dev.deploygateway.platform.vercel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.deploygateway.error.ErrorCode;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformException;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.ProjectSpec;
import dev.deploygateway.platform.UploadProgress;
import dev.deploygateway.scaffold.SourceBundle;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The Vercel client against the Vercel sandbox over real HTTP; every exchange is checked against the contract. */
@QuarkusTest
@WithTestResource(VercelRecordingProxy.class)
class VercelPlatformTest extends VercelContractTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    VercelPlatform vercel;

    @Test
    void everyCallOfATeamCredentialActsInsideItsTeam() {
        var personal = mint("tina");
        String team = vercel.verify(personal).await().atMost(WAIT).teams().get(0).id();
        var credential = personal.inTeam(team);
        String name = "team-site-" + suffix();
        var project = vercel.ensureProject(credential, ProjectSpec.named(name)).await().atMost(WAIT);

        sandbox().auth().oauth2(personal.accessToken()).queryParam("teamId", team)
                .get("/sandbox/vercel/v9/projects/" + name)
                .then().statusCode(200).body("accountId", equalTo(team));
        sandbox().auth().oauth2(personal.accessToken()).get("/sandbox/vercel/v9/projects/" + name).then()
                .statusCode(404);
        var bundle = SourceBundle.of(Map.of("index.html", "<h1>team</h1>".getBytes(StandardCharsets.UTF_8)));
        var deployment = vercel.deploy(credential, project, vercel.prepareSource(bundle), DeploySpec.toProduction(),
                UploadProgress.NONE).await().atMost(WAIT);
        assertThat(last(follow(credential, deployment.id()))).isEqualTo(PlatformState.READY);
        assertThat(VercelRecordingProxy.EXCHANGES).filteredOn(e -> e.uri().contains("/v13/deployments"))
                .isNotEmpty().allMatch(e -> e.uri().contains("teamId=" + team));
    }

    @Test
    void deploysBinaryOrNonAsciiFilesOnceThenResendsNothing() {
        var credential = mint("alice");
        var project = vercel.ensureProject(credential, ProjectSpec.named("site-" + suffix()))
                .await().atMost(WAIT);
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        var files = new LinkedHashMap<String, byte[]>();
        files.put("index.html", "<h1>héllo</h1>".getBytes(StandardCharsets.UTF_8));
        files.put("données/résumé ü 雪.txt", "ünïcödé".getBytes(StandardCharsets.UTF_8));
        files.put("img/logo.bin", binary);
        var bundle = SourceBundle.of(files);

        long before = bytesReceived();
        var progress = new AtomicLong();
        UploadProgress tracker = (f, fn, b, bn) -> progress.set(bn);
        var first = vercel.deploy(credential, project, vercel.prepareSource(bundle), DeploySpec.toProduction(), tracker)
                .await().atMost(WAIT);
        var events = follow(credential, first.id());
        assertThat(bytesReceived() - before).isEqualTo(bundle.totalBytes());
        assertThat(progress.get()).isEqualTo(bundle.totalBytes());
        assertThat(last(events)).isEqualTo(PlatformState.READY);
        assertThat(lines(events)).contains("Deployment completed");
        var ready = vercel.status(credential, first.id()).await().atMost(WAIT);
        assertThat(ready.state()).isEqualTo(PlatformState.READY);
        String site = ready.url().orElseThrow().toString(); // the sandbox's site server, another origin
        assertThat(given().get(site + "img/logo.bin").then().statusCode(200).extract().asByteArray()).isEqualTo(binary);
        assertThat(given().urlEncodingEnabled(true).get(site + "données/résumé ü 雪.txt").then().statusCode(200)
                .extract().asByteArray()).isEqualTo("ünïcödé".getBytes(StandardCharsets.UTF_8));

        long beforeSecond = bytesReceived();
        var second = vercel.deploy(credential, project, vercel.prepareSource(bundle), DeploySpec.toProduction(),
                UploadProgress.NONE).await().atMost(WAIT);
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(bytesReceived() - beforeSecond).isZero();
        assertThat(last(follow(credential, second.id()))).isEqualTo(PlatformState.READY);
    }

    @Test
    void buildFailureScenarioEndsFailedWithItsLog() {
        var credential = mint("bob");
        var project = project(credential);
        var bundle = SourceBundle.of(Map.of("index.html", "x".getBytes(), ".sandbox/fail-build", new byte[0]));
        var deployment = vercel.deploy(credential, project, vercel.prepareSource(bundle), DeploySpec.asPreview(),
                UploadProgress.NONE).await().atMost(WAIT);
        var events = follow(credential, deployment.id());
        assertThat(last(events)).isEqualTo(PlatformState.FAILED);
        assertThat(lines(events)).anyMatch(l -> l.contains("exited with 1"));
        var status = vercel.status(credential, deployment.id()).await().atMost(WAIT);
        assertThat(status.errorCode()).contains("BUILD_FAILED");
    }

    @Test
    void cutEventStreamResumesWithoutDuplicateOrMissingLines() {
        var credential = mint("carol");
        var project = project(credential);
        var bundle = SourceBundle.of(Map.of("index.html", "cut".getBytes(), ".sandbox/cut-stream", new byte[0]));
        var deployment = vercel.deploy(credential, project, vercel.prepareSource(bundle), DeploySpec.asPreview(),
                UploadProgress.NONE).await().atMost(WAIT);
        var events = follow(credential, deployment.id());
        assertThat(last(events)).isEqualTo(PlatformState.READY);
        List<String> ids = events.stream().filter(e -> e instanceof PlatformEvent.LogLine)
                .map(e -> ((PlatformEvent.LogLine) e).platformEventId()).toList();
        List<String> expected = sandbox().header("Authorization", credential.bearer())
                .get("/sandbox/vercel/v3/deployments/" + deployment.id() + "/events").then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("$").stream().filter(e -> e.get("text") != null)
                .map(e -> (String) e.get("id")).toList();
        assertThat(ids).containsExactlyElementsOf(expected);
        long streams = VercelRecordingProxy.EXCHANGES.stream().filter(e -> e.uri().contains("follow=1")).count();
        assertThat(streams).isGreaterThanOrEqualTo(2);
    }

    @Test
    void rateLimitWithRetryAfterIsWaitedOut() {
        var credential = mint("dave");
        inject(429, 1, "/v2/user", 1);
        long start = System.nanoTime();
        var account = vercel.verify(credential).await().atMost(WAIT);
        assertThat(account.username()).isEqualTo("dave");
        assertThat(account.teams()).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(VercelRecordingProxy.EXCHANGES).anyMatch(e -> e.status() == 429
                && "1".equals(e.responseHeaders().get("Retry-After")));
    }

    @Test
    void unknownOrExpiredTokenAsksForReconnect() {
        var credential = mint("erin");
        sandbox().contentType(ContentType.JSON).body(Map.of("token", credential.accessToken()))
                .post("/sandbox/vercel/_sandbox/tokens/expire").then().statusCode(204);
        assertThatThrownBy(() -> vercel.verify(credential).await().atMost(WAIT))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RECONNECT_REQUIRED);
                    assertThat(e.platformCode()).contains("forbidden");
                    assertThat(e.getMessage()).doesNotContain(credential.accessToken());
                });
    }

    @Test
    void takenNamesAreReportedThenReused() {
        var credential = mint("frank");
        var project = project(credential);
        assertThat(vercel.checkProjectName(credential, project.name()).await().atMost(WAIT).verdict().name())
                .isEqualTo("TAKEN");
        assertThat(vercel.checkProjectName(credential, "free-" + suffix()).await().atMost(WAIT).verdict().name())
                .isEqualTo("AVAILABLE");
        assertThat(vercel.checkProjectName(credential, "Bad---Name").await().atMost(WAIT).verdict().name())
                .isEqualTo("INVALID");
        var again = vercel.ensureProject(credential, ProjectSpec.named(project.name())).await().atMost(WAIT);
        assertThat(again.id()).isEqualTo(project.id());
        assertThat(again.created()).isFalse();
    }

    private PlatformProject project(PlatformCredential credential) {
        return vercel.ensureProject(credential, ProjectSpec.named("app-" + suffix())).await().atMost(WAIT);
    }

    private List<PlatformEvent> follow(PlatformCredential credential, String deploymentId) {
        return vercel.events(credential, deploymentId, Optional.empty()).collect().asList().await().atMost(WAIT);
    }

    static PlatformState last(List<PlatformEvent> events) {
        return events.stream().filter(e -> e instanceof PlatformEvent.StateChange)
                .map(e -> ((PlatformEvent.StateChange) e).state()).reduce((a, b) -> b).orElseThrow();
    }

    static List<String> lines(List<PlatformEvent> events) {
        return events.stream().filter(e -> e instanceof PlatformEvent.LogLine)
                .map(e -> ((PlatformEvent.LogLine) e).text()).toList();
    }

    private static long bytesReceived() {
        return stat("fileBytesReceived");
    }
}
