package dev.deploygateway.platform.render;

import static dev.deploygateway.sandbox.render.RenderContract.builds;
import static dev.deploygateway.sandbox.render.RenderContract.mintKey;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.deploygateway.platform.DatabaseInfo;
import dev.deploygateway.platform.DeploySpec;
import dev.deploygateway.platform.EnvVar;
import dev.deploygateway.platform.PlatformCredential;
import dev.deploygateway.platform.PlatformDeployment;
import dev.deploygateway.platform.PlatformEvent;
import dev.deploygateway.platform.PlatformProject;
import dev.deploygateway.platform.PlatformState;
import dev.deploygateway.platform.ProjectSpec;
import dev.deploygateway.platform.UploadProgress;
import dev.deploygateway.sandbox.ContractProxy;
import dev.deploygateway.sandbox.github.GitHubContract;
import dev.deploygateway.sandbox.render.RenderContract;
import dev.deploygateway.scaffold.SampleScaffolds;
import dev.deploygateway.scaffold.SourceBundle;
import dev.deploygateway.source.PushedCommit;
import dev.deploygateway.source.RepositoryTarget;
import dev.deploygateway.source.github.GitHubSourceHost;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Render platform bean against the Render and GitHub sandboxes: services created from the pushed repository with
 * their env (and {@code DATABASE_URL}) before the first build, the build log, the site's exact bytes, redeploys of an
 * existing service, failures, cancel, rollback and a cut log socket.
 */
@QuarkusTest
@WithTestResource(ContractProxy.class)
class RenderPlatformTest extends RenderContract {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    RenderPlatform render;

    @Inject
    GitHubSourceHost gitHub;

    @Inject
    SampleScaffolds samples;

    PlatformCredential renderKey;
    PlatformCredential github;

    void accounts(String name) {
        renderKey = PlatformCredential.of((String) mintKey(name).get("key"));
        github = PlatformCredential.of(GitHubContract.mint(GitHubContract.login(name)));
    }

    /** What the pipeline does: project, env, database, push, deploy. */
    PlatformDeployment deploy(String name, SourceBundle bundle, List<EnvVar> env, Optional<DatabaseInfo.Kind> db) {
        PlatformProject project = render.ensureProject(renderKey, ProjectSpec.named(name)).await().atMost(WAIT);
        render.setEnvironment(renderKey, project, env).await().atMost(WAIT);
        db.ifPresent(kind -> render.provisionDatabase(renderKey, project, kind).await().atMost(WAIT));
        PushedCommit pushed = gitHub.push(github, RepositoryTarget.privateRepository(name), bundle,
                "Deploy " + name, UploadProgress.NONE).await().atMost(WAIT);
        var git = new DeploySpec.GitSource(pushed.repositoryUrl(), pushed.branch(), pushed.commitSha(),
                pushed.privateRepository(), ProjectSpec.named(name), DeploySpec.ServiceOptions.DEFAULTS, env, db);
        return render.deploy(renderKey, project, render.prepareSource(bundle), DeploySpec.asPreview().withGit(git),
                UploadProgress.NONE).await().atMost(WAIT);
    }

    List<PlatformEvent> follow(PlatformDeployment deployment) {
        return render.events(renderKey, deployment.id(), Optional.empty()).collect().asList().await().atMost(WAIT);
    }

    static List<String> lines(List<PlatformEvent> events) {
        return events.stream().filter(e -> e instanceof PlatformEvent.LogLine).map(e -> ((PlatformEvent.LogLine) e)
                .text()).toList();
    }

    static PlatformState last(List<PlatformEvent> events) {
        return ((PlatformEvent.StateChange) events.get(events.size() - 1)).state();
    }

    @Test
    void theStaticSiteSampleGoesLiveFromItsRepositoryWithExactBytes() {
        accounts("site");
        SourceBundle bundle = samples.find("static-site").orElseThrow().bundle();
        PlatformDeployment deployment = deploy("static-sample", bundle, List.of(new EnvVar("PUBLIC_TITLE", "hi",
                false)), Optional.empty());
        assertThat(deployment.id()).matches("srv-[a-z0-9]{20}:dep-[a-z0-9]{20}");

        List<PlatformEvent> events = follow(deployment);
        assertThat(last(events)).isEqualTo(PlatformState.READY);
        assertThat(lines(events)).anyMatch(l -> l.startsWith("==> Cloning from https://github.com/"))
                .contains("==> Environment variables: PUBLIC_TITLE", "==> Your site is live 🎉");
        assertThat(lines(events)).doesNotHaveDuplicates();
        PlatformDeployment status = render.status(renderKey, deployment.id()).await().atMost(WAIT);
        assertThat(status.state()).isEqualTo(PlatformState.READY);
        String site = status.url().orElseThrow().toString();
        for (var file : bundle.files()) {
            String path = URLEncoder.encode(file.path(), StandardCharsets.UTF_8).replace("%2F", "/");
            byte[] served = given().urlEncodingEnabled(false).get(site + path).then().statusCode(200).extract()
                    .asByteArray();
            assertThat(served).as(file.path()).containsExactly(file.content());
        }
    }

    @Test
    void theNodeSampleWithPostgresHasDatabaseUrlBeforeItsFirstBuild() {
        accounts("node");
        SourceBundle bundle = samples.find("node-app").orElseThrow().bundle();
        PlatformDeployment deployment = deploy("node-sample", bundle, List.of(new EnvVar("GREETING", "hello", false)),
                Optional.of(DatabaseInfo.Kind.POSTGRES));
        List<PlatformEvent> events = follow(deployment);
        assertThat(last(events)).isEqualTo(PlatformState.READY);
        assertThat(lines(events)).contains("==> Environment variables: DATABASE_URL, GREETING",
                "==> Running build command 'npm install && npm run build'...", "==> Running 'npm start'");
        String serviceId = deployment.id().substring(0, deployment.id().indexOf(':'));
        List<Map<String, Object>> builds = builds(serviceId);
        assertThat(builds).hasSize(1);
        assertThat((List<String>) builds.get(0).get("buildEnv")).contains("DATABASE_URL", "GREETING");
    }

    @Test
    void aSecondDeployOfTheSameProjectBuildsTheNewCommitOnTheSameService() {
        accounts("again");
        var files = new HashMap<String, byte[]>(Map.of("index.html", "<h1>v1</h1>".getBytes()));
        PlatformDeployment first = deploy("again-site", SourceBundle.of(files), List.of(), Optional.empty());
        assertThat(last(follow(first))).isEqualTo(PlatformState.READY);
        files.put("index.html", "<h1>v2</h1>".getBytes());
        PlatformDeployment second = deploy("again-site", SourceBundle.of(files), List.of(new EnvVar("ADDED", "1",
                false)), Optional.empty());
        assertThat(second.projectId()).isEqualTo(first.projectId());
        List<PlatformEvent> events = follow(second);
        assertThat(last(events)).isEqualTo(PlatformState.READY);
        assertThat(lines(events)).contains("==> Environment variables: ADDED");
        String site = render.status(renderKey, second.id()).await().atMost(WAIT).url().orElseThrow().toString();
        assertThat(given().get(site).then().statusCode(200).extract().asString()).isEqualTo("<h1>v2</h1>");
        assertThat(builds(first.projectId())).extracting(b -> b.get("status")).containsExactly("live",
                "deactivated");

        render.rollback(renderKey, new PlatformProject(first.projectId(), "again-site", false), first.id())
                .await().atMost(WAIT);
        await().atMost(WAIT).until(() -> given().get(site).then().extract().asString()
                .equals("<h1>v1</h1>"));
    }

    @Test
    void aFailingBuildEndsFailedWithItsLog() {
        accounts("fail");
        PlatformDeployment deployment = deploy("fail-site", SourceBundle.of(Map.of("index.html", "x".getBytes(),
                ".sandbox/fail-build", new byte[0])), List.of(), Optional.empty());
        List<PlatformEvent> events = follow(deployment);
        assertThat(last(events)).isEqualTo(PlatformState.FAILED);
        assertThat(lines(events)).contains("==> Build failed 😞");
        var status = render.status(renderKey, deployment.id()).await().atMost(WAIT);
        assertThat(status.errorCode()).contains("BUILD_FAILED");
        assertThat(status.platformState()).isEqualTo("build_failed");
    }

    @Test
    void aRunningDeployCanBeCanceled() {
        accounts("cancel");
        PlatformDeployment deployment = deploy("cancel-site", SourceBundle.of(Map.of("index.html", "x".getBytes(),
                ".sandbox/slow-build", new byte[0])), List.of(), Optional.empty());
        var canceled = render.cancel(renderKey, deployment.id()).await().atMost(WAIT);
        assertThat(canceled.state()).isEqualTo(PlatformState.CANCELED);
        assertThat(last(follow(deployment))).isEqualTo(PlatformState.CANCELED);
    }

    @Test
    void aCutLogSocketStillYieldsExactlyTheHeldBuildLog() {
        accounts("cut");
        long sockets = RenderContract.renderStat("logSocketsOpened");
        PlatformDeployment deployment = deploy("cut-site", SourceBundle.of(Map.of("index.html", "x".getBytes(),
                ".sandbox/drop-socket", new byte[0], ".sandbox/slow-build", new byte[0])), List.of(),
                Optional.empty());
        List<String> lines = lines(follow(deployment));
        // Exactly the build log Render holds, in its order, though the socket was cut every two frames.
        String serviceId = deployment.projectId();
        String owner = render.status(renderKey, deployment.id()).map(d -> d.projectId()).await().atMost(WAIT);
        List<String> held = given().header("Authorization", "Bearer " + renderKey.accessToken())
                .queryParam("ownerId", ownerOf(serviceId)).queryParam("resource", serviceId)
                .queryParam("direction", "forward").queryParam("limit", 100).queryParam("type", "build")
                .get("/sandbox/render/v1/logs").then().statusCode(200).extract().path("logs.message");
        assertThat(owner).isEqualTo(serviceId);
        assertThat(lines).containsExactlyElementsOf(held);
        assertThat(RenderContract.renderStat("logSocketsOpened") - sockets).isGreaterThanOrEqualTo(2);
    }

    String ownerOf(String serviceId) {
        return given().header("Authorization", "Bearer " + renderKey.accessToken())
                .get("/sandbox/render/v1/services/" + serviceId).then().statusCode(200).extract().path("ownerId");
    }

    @Test
    void theKeysWorkspacesAreTheConnectionsTeams() {
        var key = mintKey("teams");
        var account = render.verify(PlatformCredential.of((String) key.get("key"))).await().atMost(WAIT);
        assertThat(account.id()).isEqualTo(key.get("ownerId"));
        assertThat(account.teams()).extracting(t -> t.id()).contains((String) key.get("ownerId"));
    }
}
